"""Documents: what a notice, the minutes, the calendar and the årshjul show.

Plain frozen dataclasses and pure functions that build them from domain records,
public redaction included. Below both `services` (which read the records and call
the builders) and `exporters` (which turn a document into bytes): a renderer only
ever holds what its audience may see.
"""
