#!/usr/bin/env python3
"""Writes 300 varied records for November 2026 straight into a collector SQLite database
(records table, schema 3), for the dashboard test. Fixed seed: the same data every run.
A few Tagalog respondents only, so some cells fall below k and show as suppressed."""
import json
import random
import sqlite3
import sys

rng = random.Random(2018)
db = sqlite3.connect(sys.argv[1])
device = db.execute("SELECT device_id FROM devices LIMIT 1").fetchone()[0]
rows = []
for n in range(300):
    language = rng.choices(["id", "fil", "en", "zh_Hant_HK"], weights=[60, 2, 30, 8])[0]
    nationality = {"id": "indonesia", "fil": "philippines"}.get(language, rng.choice(["indonesia", "philippines", "other"]))
    answers = {"nationality": nationality}
    fear = rng.random() < (0.85 if nationality == "indonesia" else 0.49)
    answers["fear_consequences"] = "yes" if fear else rng.choice(["no", "no", "not_sure"])
    if fear:
        answers["fear_reason"] = rng.choice(["debt", "pay_fees_again", "lose_visa", "no_new_job"])
    answers["locked_in"] = rng.choices(["yes", "no", "not_sure"], weights=[3, 90, 7])[0]
    level = rng.choices(["forced_labour_signs", "rights_concerns", "few_answers", "no_concerns"],
                        weights=[6, 46, 8, 40])[0]
    indicators = {"forced_labour_signs": ["debt_bondage", "retention_of_identity_documents"],
                  "rights_concerns": ["deception"], "few_answers": [], "no_concerns": []}[level]
    rows.append(("%032x" % (n + 1), "hk-mdw-self-assessment", 1, language, "demo-site",
                 "2026-11-%02d" % (1 + n % 30), json.dumps(answers, sort_keys=True, separators=(",", ":")),
                 "2026-11-30T12:00:00Z", 1, json.dumps(indicators, separators=(",", ":")), level, device))
db.executemany("INSERT INTO records (record_id, form_id, form_version, language, site, completed_on, answers_json,"
               " received_at, schema, indicators_json, result_level, device_id)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
db.commit()
