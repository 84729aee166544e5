"""The report editor: one item at a time in a form, or every item in a grid."""

from desktop.views.report_editor.editor import ReportEditor

__all__ = ["ReportEditor"]
