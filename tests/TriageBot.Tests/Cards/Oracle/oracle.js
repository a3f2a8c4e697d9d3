#!/usr/bin/env node
// The reference TriageBot's C# card binder is checked against: the official Adaptive Cards packages, pinned in
// package-lock.json. For each case it expands the template with adaptivecards-templating and, when asked, parses
// the result with adaptivecards at schema version 1.5 and lists every parse and validation event, plus property
// names the element does not know (the parser ignores those, so a typo such as "colour" would pass unseen).
//
//   node oracle.js < cases.json         cases: [{name, template, data, validate}] -> JSON results on stdout
//   node oracle.js cards/escalation.json  one template with its .data.json beside it, results for people to read
'use strict';

const fs = require('fs');
const path = require('path');
const AC = require('adaptivecards/dist/adaptivecards.js'); // the package root is ESM without extensions on Node 20
const ACData = require('adaptivecards-templating');

const packageVersion = (name) => require(`${name}/package.json`).version;

// Keys each element parses by hand rather than through its schema (so getSchema() does not list them).
const keysParsedByHand = {
  AdaptiveCard: ['body', 'actions', 'msteams'], // msteams: Teams' own card options (width), ignored elsewhere
  Container: ['items'],
  Column: ['items'],
  ActionSet: ['actions'],
  ColumnSet: ['columns'],
  RichTextBlock: ['inlines'],
  Table: ['rows'],
  'Action.ShowCard': ['card'],
};
const simpleObjectKeys = { Choice: ['title', 'value'], Fact: ['title', 'value'] };

function schemaKeys(instance) {
  const schema = instance.getSchema();
  const keys = [];
  for (let i = 0; i < schema.getCount(); i++) {
    keys.push(schema.getItemAt(i).name);
  }
  return keys;
}

function typeRegistration(type) {
  return AC.GlobalRegistry.elements.findByName(type) || AC.GlobalRegistry.actions.findByName(type);
}

// Walks the expanded JSON and reports keys that no element of that type accepts.
function unknownProperties(node, jsonPath, problems) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => unknownProperties(item, `${jsonPath}[${i}]`, problems));
    return problems;
  }
  if (node === null || typeof node !== 'object' || typeof node.type !== 'string') {
    return problems;
  }

  let known;
  if (node.type === 'AdaptiveCard') {
    known = schemaKeys(new AC.AdaptiveCard());
  } else {
    const registration = typeRegistration(node.type);
    if (!registration) {
      return problems; // the parser reports unknown types itself
    }
    known = schemaKeys(new registration.objectType());
  }
  known = known.concat(keysParsedByHand[node.type] || [], ['fallback']);

  for (const key of Object.keys(node)) {
    if (!known.includes(key)) {
      problems.push(`${jsonPath}.${key}: "${node.type}" has no property "${key}"`);
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'data') {
      continue; // free-form: what the button sends back
    }
    if (key === 'choices' || key === 'facts') {
      const allowed = simpleObjectKeys[key === 'choices' ? 'Choice' : 'Fact'];
      (Array.isArray(value) ? value : []).forEach((item, i) => {
        for (const itemKey of Object.keys(item || {})) {
          if (!allowed.includes(itemKey)) {
            problems.push(`${jsonPath}.${key}[${i}].${itemKey}: a ${key === 'choices' ? 'choice' : 'fact'} has no property "${itemKey}"`);
          }
        }
      });
      continue;
    }
    unknownProperties(value, `${jsonPath}.${key}`, problems);
  }
  return problems;
}

function validate(card) {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
  }
  for (const e of parsed.validateProperties().validationEvents) {
    events.push({ phase: AC.ValidationPhase[e.phase], event: AC.ValidationEvent[e.event], message: e.message });
  }
  if (card.version !== '1.5') {
    // The parser accepts any version; Teams renders 1.5, so anything else is our mistake.
    events.push({ phase: 'Version', event: 'UnsupportedCardVersion', message: `version is "${card.version}", expected "1.5"` });
  }
  return events;
}

function run(testCase) {
  const result = { name: testCase.name, expanded: null, error: null, templatingWarnings: [], events: [], unknownProperties: [] };
  try {
    const template = new ACData.Template(testCase.template);
    result.expanded = template.expand({ $root: testCase.data });
    result.templatingWarnings = template.getLastTemplateExpansionWarnings() || [];
  } catch (e) {
    result.error = String((e && e.message) || e);
    return result;
  }
  if (result.expanded === undefined) {
    result.expanded = null;
  }
  if (testCase.validate) {
    result.events = validate(result.expanded);
    result.unknownProperties = unknownProperties(result.expanded, '$', []);
  }
  return result;
}

function versions() {
  return { adaptivecards: packageVersion('adaptivecards'), 'adaptivecards-templating': packageVersion('adaptivecards-templating') };
}

if (process.argv.length > 2) {
  let failed = false;
  for (const file of process.argv.slice(2)) {
    const dataFile = file.replace(/\.json$/, '.data.json');
    const testCase = {
      name: path.basename(file),
      template: JSON.parse(fs.readFileSync(file, 'utf8')),
      data: JSON.parse(fs.readFileSync(dataFile, 'utf8')),
      validate: true,
    };
    const result = run(testCase);
    console.log(`== ${testCase.name} with ${path.basename(dataFile)}`);
    console.log(result.error ? `expansion failed: ${result.error}` : JSON.stringify(result.expanded, null, 2));
    // The templating package warns about every $when that is false, so its warnings are notes, not problems.
    result.templatingWarnings.forEach((w) => console.log(`note: ${w}`));
    const problems = [...result.events.map((e) => `${e.phase} ${e.event}: ${e.message}`), ...result.unknownProperties];
    problems.forEach((p) => console.log(`problem: ${p}`));
    failed = failed || result.error !== null || problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
} else {
  const input = fs.readFileSync(0, 'utf8');
  const cases = JSON.parse(input);
  process.stdout.write(JSON.stringify({ versions: versions(), results: cases.map(run) }));
}
