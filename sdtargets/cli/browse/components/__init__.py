"""The browse app's widgets, one a file: the rows table, the list views, the screens."""
