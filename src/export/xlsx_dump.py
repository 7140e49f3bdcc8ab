#!/usr/bin/env python3
"""Prints every sheet of an .xlsx as JSON {sheet: [[cell, ...], ...]}, read with
openpyxl (an independent reader), so export_test can compare values."""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(json.dumps({sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
                  for sheet in book.worksheets}, ensure_ascii=False))
