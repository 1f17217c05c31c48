"""Pure rules shared by every screen, service and the server: no Qt, no database.

``isbn`` (scanner cleaning, check digits, ISBN-13), ``clc`` (中图法 classes, class numbers,
shelf order), ``callnumber`` (索书号 parse/format/sort/spine lines) and ``pinyin`` (search keys
with 多音字 variants). See docs/domain.md.
"""
