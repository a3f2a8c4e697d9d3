#!/usr/bin/env bash
# The load benchmark in one command (issue 6): builds TriageBot, the floor bot and the driver in Release, then runs the
# driver with the given options (default: C = 64, 640 measured reports, 10,000 incidents preloaded, SQLite).
# Examples:  bench/run.sh                          the full run (about 15 minutes on 2 cores, most of it seeding)
#            bench/run.sh --incidents-preloaded 0  the same without the 10,000 stored incidents (about 2 minutes)
#            bench/run.sh --smoke                  a few seconds: does everything still work end to end?
#            bench/run.sh --help                   every option
#            bench/run.sh hostile                  issue 13: seeded hostile activities and 100,000 conversations (bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project bench/TriageBot.Bench -- "$@"
