"""The web application behind ``khronika serve``: pages, JSON API and review.

:func:`khronika.web.app.create_app` builds the FastAPI application for one
database; the modules beside it each hold one concern (queries over the
store, highlighting, the timeline, the map, security, routes).
"""
