"""summit.json is one record per line: readable, diffable, and equal to the data it holds."""

from __future__ import annotations

import json

from summit.export import record_lines


def test_one_record_per_line_and_the_same_data():
    data = {"version": 1, "title": "本", "baseurl": "", "events": [],
            "sessions": [{"id": "a", "title": "セッション \"一\"", "projects": ["nova"]},
                         {"id": "b", "title": "二\n行", "projects": []}]}
    text = record_lines(data)
    assert json.loads(text) == data
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}" and text.endswith("}\n")
    records = [line for line in lines if line.startswith("  {")]
    assert [json.loads(line.rstrip(",")) for line in records] == data["sessions"]
    assert ' "events": [],' in lines and ' "title": "本",' in lines  # no escapes for Japanese
