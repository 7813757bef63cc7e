"""Validates YAML-turned-JSON documents against careers' JSON Schemas (draft 2020-12).

  python3 validate.py MANIFEST.json
MANIFEST is a list of {"name", "schema" (a file), "instance" (the document)}. Prints a JSON
list of {"name", "errors": [JSON path of each failing value]}. Exits 2 if jsonschema is missing.
"""
import json
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    sys.exit("the schema tests need Python's jsonschema: apt-get install python3-jsonschema")

manifest = json.load(open(sys.argv[1], encoding="utf-8"))
validators = {}
results = []
for item in manifest:
    path = item["schema"]
    if path not in validators:
        schema = json.load(open(path, encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validators[path] = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(
        {"/" + "/".join(str(p) for p in (list(e.absolute_path) or ([e.message.split("'")[1]] if "'" in e.message else [])))
         for e in validators[path].iter_errors(item["instance"])}
    )
    results.append({"name": item["name"], "errors": errors})
print(json.dumps(results))
