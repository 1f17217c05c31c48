"""Dialogs of the Catalogue screen: the 中图法 picker, shelves, a record and its copies."""
