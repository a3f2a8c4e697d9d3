#!/usr/bin/env node
// The reference TriageBot's English recognisers are compared with: Microsoft's @microsoft/recognizers-text-suite,
// pinned in package-lock.json. Reads the corpus and prints, for every phrase, what the suite recognises in it (culture
// en-us), as JSON on stdout. It only reports; RecognizerCorpusComparison.cs decides what counts as agreeing.
//
//   node recognize.js [corpus.json]     default: ../Corpus/corpus.json
//
// Times: the corpus gives the reference moment as local wall-clock time with an offset ("2026-06-18T14:40:00+01:00").
// The suite works in the JavaScript Date's local time, so the process runs in UTC and the reference is built from the
// wall-clock fields: the suite's answers are then wall-clock times of the same day, whatever machine runs this.
'use strict';

process.env.TZ = 'UTC';

const fs = require('fs');
const path = require('path');
const Suite = require('@microsoft/recognizers-text-suite');

const culture = Suite.Culture.English; // "en-us"

function referenceDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text || '');
  if (!m) {
    throw new Error(`"${text}" is not a reference time like 2026-06-18T14:40:00+01:00`);
  }
  return new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
}

// The suite's results, reduced to what the comparison reads: matched text, type and resolution.
const simple = (results) => results.map((r) => ({ text: r.text, type: r.typeName, value: r.resolution ? r.resolution.value : null }));

function dateTimes(text, now) {
  return Suite.recognizeDateTime(text, culture, undefined, referenceDate(now)).map((r) => ({
    text: r.text,
    type: r.typeName,
    values: r.resolution && Array.isArray(r.resolution.values)
      ? r.resolution.values.map((v) => ({ timex: v.timex || null, type: v.type || null, value: v.value || null, start: v.start || null, end: v.end || null }))
      : null,
  }));
}

function main() {
  const corpusPath = path.resolve(process.argv[2] || path.join(__dirname, '..', 'Corpus', 'corpus.json'));
  const corpus = JSON.parse(fs.readFileSync(corpusPath, 'utf8'));
  const version = (name) => require(`${name}/package.json`).version;

  const output = {
    suite: {
      '@microsoft/recognizers-text-suite': version('@microsoft/recognizers-text-suite'),
      '@microsoft/recognizers-text-choice': version('@microsoft/recognizers-text-choice'),
      '@microsoft/recognizers-text-number': version('@microsoft/recognizers-text-number'),
      '@microsoft/recognizers-text-date-time': version('@microsoft/recognizers-text-date-time'),
    },
    culture,
    yesNo: corpus.yesNo.map((e) => ({ text: e.text, boolean: simple(Suite.recognizeBoolean(e.text, culture)) })),
    choices: corpus.choices.phrases.map((e) => ({
      text: e.text,
      ordinal: simple(Suite.recognizeOrdinal(e.text, culture)),
      number: simple(Suite.recognizeNumber(e.text, culture)),
    })),
    numbers: corpus.numbers.map((e) => ({ text: e.text, number: simple(Suite.recognizeNumber(e.text, culture)) })),
    moments: corpus.moments.map((e) => {
      const now = e.now || corpus.reference;
      return { text: e.text, now, dateTime: dateTimes(e.text, now) };
    }),
  };
  process.stdout.write(JSON.stringify(output, null, 1) + '\n');
}

main();
