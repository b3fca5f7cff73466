"""Dates: expressions found in the text (`find`) and the stage that resolves them (`stage`)."""
from .find import NEEDS, Calendar, find_dates, load_calendar
from .stage import DateStage, parse_published

__all__ = ["NEEDS", "Calendar", "DateStage", "find_dates", "load_calendar", "parse_published"]
