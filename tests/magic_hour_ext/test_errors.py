from __future__ import annotations

import pytest

from generated.models import ImageProject
from magic_hour_ext import _errors as e
from tests.magic_hour_ext._helpers import image_project


def _project(status: str, error: dict[str, str] | None = None) -> ImageProject:
    return image_project(id="p1", status=status, downloads=[], error=error)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (401, e.AuthenticationError),
        (402, e.PaymentRequiredError),
        (403, e.PermissionDeniedError),
        (404, e.NotFoundError),
        (422, e.UnprocessableEntityError),
        (429, e.RateLimitError),
        (400, e.InvalidRequestError),
        (409, e.APIError),
        (503, e.APIError),
        (520, e.APIError),
    ],
)
def test_api_error_for_status(status: int, cls: type[e.APIError]) -> None:
    err = e.api_error_for_status(status, "msg", retry_after=2.0)
    assert type(err) is cls
    assert isinstance(err, e.APIError)
    assert isinstance(err, e.MagicHourError)
    assert (err.status_code, err.message, err.retry_after) == (status, "msg", 2.0)
    assert str(status) in str(err)


def test_tree() -> None:
    assert issubclass(e.WaitTimeoutError, TimeoutError)
    assert issubclass(e.MissingAPIKeyError, e.ConfigurationError)
    assert issubclass(e.ConfigurationError, ValueError)
    assert issubclass(e.InvalidArgumentError, ValueError)
    assert issubclass(e.OutputExistsError, e.DownloadError)
    assert issubclass(e.OutputExistsError, FileExistsError)
    assert issubclass(e.MalformedResponseError, e.APIError)
    assert issubclass(e.APIConnectionError, e.APIError)
    assert issubclass(e.UnprocessableEntityError, e.InvalidRequestError)  # 400 and 422 alike
    # Never an APIError: code that retries APIErrors must not resend a create that may be charged.
    assert not issubclass(e.CreateOutcomeUnknownError, e.APIError)
    assert issubclass(e.CreateOutcomeUnknownError, e.MagicHourError)
    for cls in (e.ProjectFailedError, e.ProjectCanceledError, e.WaitTimeoutError, e.DownloadError):
        assert issubclass(cls, e.MagicHourError)


def test_project_failed_carries_code_and_message() -> None:
    project = _project("error", {"code": "no_source_face", "message": "Please use a face"})
    err = e.ProjectFailedError(project)
    assert (err.project, err.code, err.message) == (project, "no_source_face", "Please use a face")
    assert "no_source_face" in str(err)
    assert "p1" in str(err)


def test_project_failed_without_details() -> None:
    err = e.ProjectFailedError(_project("error"))
    assert err.code is None
    assert err.message is None


def test_canceled_carries_project() -> None:
    project = _project("canceled")
    assert e.ProjectCanceledError(project).project is project


def test_wait_timeout_names_id_and_resume_hint() -> None:
    project = _project("rendering")
    err = e.WaitTimeoutError("p1", project, 1.5)
    assert err.project is project
    assert "rendering" in str(err)
    assert "check_result('p1')" in str(err)
    assert "not seen" in str(e.WaitTimeoutError("p1", None, 1.0))


def test_download_error_redacts_url() -> None:
    err = e.DownloadError("boom", url="http://h/p/1/o.png?expires=1&signature=SECRET")
    assert "SECRET" not in str(err)
    assert "SECRET" not in repr(err)
    assert "SECRET" not in err.url
    assert "signature=***" in str(err)


def test_missing_key_names_variable() -> None:
    assert "MAGIC_HOUR_API_KEY" in str(e.MissingAPIKeyError())


def test_wait_timeout_raised_early_says_why() -> None:
    err = e.WaitTimeoutError(
        "p1", _project("rendering"), 3.0, next_retry="Retry-After 30 s, after HTTP 429", elapsed=0.5
    )
    assert isinstance(err, TimeoutError)
    assert str(err) == (
        "image project 'p1' still 'rendering': after 0.50 s, the next retry"
        " (Retry-After 30 s, after HTTP 429) would end after the 3 s deadline; resume with check_result('p1')"
    )


def test_webhook_errors() -> None:
    assert issubclass(e.MissingWebhookSecretError, e.ConfigurationError)
    assert not issubclass(e.MissingWebhookSecretError, e.WebhookVerificationError)
    assert issubclass(e.WebhookVerificationError, e.MagicHourError)
    for cls in (
        e.WebhookMissingHeaderError,
        e.WebhookMalformedTimestampError,
        e.WebhookTimestampOutsideWindowError,
        e.WebhookSignatureMismatchError,
        e.WebhookMalformedBodyError,
    ):
        assert issubclass(cls, e.WebhookVerificationError)
        assert cls.__name__ in (e.__doc__ or "")  # the tree in the docstring is complete


@pytest.mark.parametrize(
    ("timestamp", "now", "age", "words"),
    [(100, 500.0, 400.0, "400 s ago"), (500, 100.0, -400.0, "400 s in the future")],
)
def test_outside_window_says_which_side(timestamp: int, now: float, age: float, words: str) -> None:
    err = e.WebhookTimestampOutsideWindowError(timestamp, now=now, tolerance=300.0)
    assert (err.timestamp, err.now, err.tolerance, err.age) == (timestamp, now, 300.0, age)
    assert words in str(err)
    assert "300 s window" in str(err)


def test_create_outcome_unknown_says_it_may_be_charged_and_survives_pickling() -> None:
    import pickle

    err = e.CreateOutcomeUnknownError(
        "face-swap-photo",
        "image",
        reason="the connection closed before any answer",
        url="https://api.magichour.ai/v1/face-swap-photo?sig=secret",
        attempts=2,
    )
    assert (err.tool, err.kind, err.status_code, err.attempts, err.project_id) == (
        "face-swap-photo",
        "image",
        None,
        2,
        None,
    )
    assert "may have been created and charged" in str(err)
    assert "secret" not in str(err)
    copy = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own bytes
    assert (type(copy), str(copy), copy.tool, copy.url) == (type(err), str(err), err.tool, err.url)


def test_about_project_fills_only_what_is_missing() -> None:
    err = e.NotFoundError(404, "Not Found", project_id="other", kind="video")
    err.about_project("p1", "image")
    assert (err.project_id, err.kind) == ("other", "video")
    failed = e.DownloadError("cut")
    failed.about_project("p1", "image")
    assert (failed.project_id, failed.kind) == ("p1", "image")
