"""verify_event, with signatures made here with hmac (the sign_webhook fixture), not by the code tested."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable

import pytest

from generated.models import AudioProject, ImageProject, VideoProject
from magic_hour_ext import ConfigurationError, MagicHourError, MissingWebhookSecretError
from magic_hour_ext.webhooks import (
    WebhookMalformedBodyError,
    WebhookMalformedTimestampError,
    WebhookMissingHeaderError,
    WebhookSignatureMismatchError,
    WebhookTimestampOutsideWindowError,
    WebhookVerificationError,
    verify_event,
)

Sign = Callable[..., tuple[bytes, dict[str, str]]]

NOW = 1_750_000_000
EXPIRED = "2020-01-01T00:00:00Z"  # long past
URL = "https://videos.magichour.ai/id/output.png?Expires=1577836800&Signature=s1gn3d"


def _complete(project_id: str = "cuid-1", expires_at: str = "2030-01-01T00:00:00Z") -> dict[str, object]:
    return {
        "id": project_id,
        "status": "complete",
        "name": "My image",
        "credits_charged": 5,
        "downloads": [{"url": URL, "expires_at": expires_at}],
        "error": None,
    }


def test_a_signed_completed_event_becomes_a_typed_project(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook("image.completed", _complete(), timestamp=NOW)

    event = verify_event(body, headers, webhook_secret, now=NOW + 1.5)

    assert (event.type, event.kind, event.event) == ("image.completed", "image", "completed")
    assert isinstance(event.project, ImageProject)
    assert (event.project.id, str(event.project.status), event.project.credits_charged) == (
        "cuid-1",
        "complete",
        5,
    )
    assert event.project_id == "cuid-1"
    assert event.payload == _complete()
    assert event.signed_at == dt.datetime.fromtimestamp(NOW, dt.UTC)
    assert event.received_at == dt.datetime.fromtimestamp(NOW + 1.5, dt.UTC)


@pytest.mark.parametrize(
    ("event_type", "model", "event_name"),
    [
        ("image.started", ImageProject, "started"),
        ("image.errored", ImageProject, "errored"),
        ("video.started", VideoProject, "started"),
        ("video.completed", VideoProject, "completed"),
        ("video.errored", VideoProject, "errored"),
        ("audio.started", AudioProject, "started"),
        ("audio.completed", AudioProject, "completed"),
        ("audio.errored", AudioProject, "errored"),
    ],
)
def test_every_documented_type_has_its_kind_and_model(
    sign_webhook: Sign, webhook_secret: str, event_type: str, model: type, event_name: str
) -> None:
    status = {"started": "rendering", "completed": "complete", "errored": "error"}[event_name]
    payload = {"id": "p", "status": status, "downloads": [], "error": {"code": "x", "message": "y"}}
    body, headers = sign_webhook(event_type, payload)

    event = verify_event(body, headers, webhook_secret)

    assert (event.kind, event.event) == (event_type.split(".")[0], event_name)
    assert type(event.project) is model
    assert str(event.project.status) == status


def test_the_time_defaults_to_now(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook()
    before = dt.datetime.now(dt.UTC)
    event = verify_event(body, headers, webhook_secret)
    assert before - dt.timedelta(seconds=1) <= event.received_at <= dt.datetime.now(dt.UTC)


# --- the headers


@pytest.mark.parametrize(
    "spell",
    [str.lower, str.upper, str.title, lambda name: name.replace("event", "EvEnT")],
    ids=["lower", "upper", "title", "mixed"],
)
def test_header_names_match_in_any_case(
    sign_webhook: Sign, webhook_secret: str, spell: Callable[[str], str]
) -> None:
    body, headers = sign_webhook()
    spelled = {spell(name): value for name, value in headers.items()}
    assert set(spelled) != set(headers) or spell is str.lower
    assert verify_event(body, spelled, webhook_secret).project_id == "cuid-1"


def test_headers_as_pairs_or_bytes_as_web_frameworks_give_them(
    sign_webhook: Sign, webhook_secret: str
) -> None:
    body, headers = sign_webhook()
    pairs = [
        ("Content-Type", "application/json"),
        *((name.title(), value) for name, value in headers.items()),
    ]
    raw = [(name.encode(), value.encode()) for name, value in pairs]  # an ASGI scope's headers
    assert verify_event(body, pairs, webhook_secret).project_id == "cuid-1"
    assert verify_event(body, raw, webhook_secret).project_id == "cuid-1"


@pytest.mark.parametrize("missing", ["magic-hour-event-timestamp", "magic-hour-event-signature"])
@pytest.mark.parametrize("how", ["absent", "empty", "blank"])
def test_a_missing_header_is_named(sign_webhook: Sign, webhook_secret: str, missing: str, how: str) -> None:
    body, headers = sign_webhook()
    if how == "absent":
        del headers[missing]
    else:
        headers[missing] = "" if how == "empty" else "   "

    with pytest.raises(WebhookMissingHeaderError) as info:
        verify_event(body, headers, webhook_secret)

    assert info.value.header == missing
    assert missing in str(info.value)


@pytest.mark.parametrize(
    "timestamp",
    [
        "abc",
        "1.5e9",
        "1750000000.5",
        "-1750000000",
        "+1750000000",
        "1_750_000_000",
        "\u0661\u0667\u0665" + "\u0660" * 7,
        "9" * 12,
    ],
)
def test_a_malformed_timestamp_is_refused(sign_webhook: Sign, webhook_secret: str, timestamp: str) -> None:
    body, headers = sign_webhook(timestamp=timestamp)  # signed with that very text: only its form is wrong
    with pytest.raises(WebhookMalformedTimestampError, match="integer seconds"):
        verify_event(body, headers, webhook_secret, now=NOW)


# --- the window, on both sides


@pytest.mark.parametrize("offset", [-300, -299, 0, 299, 300])
def test_within_the_window_on_either_side(sign_webhook: Sign, webhook_secret: str, offset: int) -> None:
    body, headers = sign_webhook(timestamp=NOW + offset)
    assert verify_event(body, headers, webhook_secret, now=NOW).project_id == "cuid-1"


@pytest.mark.parametrize(
    ("offset", "words"), [(-301, "ago"), (-86_400, "ago"), (301, "in the future"), (3_600, "in the future")]
)
def test_outside_the_window_on_either_side(
    sign_webhook: Sign, webhook_secret: str, offset: int, words: str
) -> None:
    body, headers = sign_webhook(timestamp=NOW + offset)

    with pytest.raises(WebhookTimestampOutsideWindowError) as info:
        verify_event(body, headers, webhook_secret, now=NOW)

    assert (info.value.timestamp, info.value.now, info.value.tolerance) == (NOW + offset, NOW, 300.0)
    assert info.value.age == -offset
    assert f"{abs(offset)} s {words}" in str(info.value)


def test_the_tolerance_can_be_set(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook(timestamp=NOW - 60)
    with pytest.raises(WebhookTimestampOutsideWindowError):
        verify_event(body, headers, webhook_secret, now=NOW, tolerance=30)
    assert verify_event(body, headers, webhook_secret, now=NOW, tolerance=60).project_id == "cuid-1"
    old_body, old_headers = sign_webhook(timestamp=NOW - 10**6)
    assert (
        verify_event(old_body, old_headers, webhook_secret, now=NOW, tolerance=float("inf")).project_id
        == "cuid-1"
    )


@pytest.mark.parametrize("tolerance", [-1, float("nan"), "300", True])
def test_a_bad_tolerance_is_an_argument_error(
    sign_webhook: Sign, webhook_secret: str, tolerance: object
) -> None:
    body, headers = sign_webhook()
    with pytest.raises(ValueError, match="tolerance"):
        verify_event(body, headers, webhook_secret, tolerance=tolerance)  # type: ignore[arg-type]


def test_a_stale_forgery_is_a_mismatch_not_a_window_error(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook(timestamp=NOW - 3_600, secret="whsec_someone_else")
    with pytest.raises(WebhookSignatureMismatchError):
        verify_event(body, headers, webhook_secret, now=NOW)


# --- the signature


def test_a_tampered_body_is_refused(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook("image.completed", _complete("cuid-1"))
    tampered = body.replace(b"cuid-1", b"cuid-2")
    assert tampered != body
    with pytest.raises(WebhookSignatureMismatchError):
        verify_event(tampered, headers, webhook_secret)


def test_a_reserialised_body_is_refused(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook("image.completed", _complete())
    reserialised = json.dumps(json.loads(body), separators=(",", ":")).encode()  # what a framework might do
    with pytest.raises(WebhookSignatureMismatchError):
        verify_event(reserialised, headers, webhook_secret)


def test_a_tampered_timestamp_is_refused(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook(timestamp=NOW)
    headers["magic-hour-event-timestamp"] = str(NOW + 1)
    with pytest.raises(WebhookSignatureMismatchError):
        verify_event(body, headers, webhook_secret, now=NOW)


@pytest.mark.parametrize(
    "signature",
    ["0" * 64, "zz", "a" * 63, "é" * 64, "v1,abc def"],
    ids=["zeros", "short", "63", "non-ascii", "svix-style"],
)
def test_a_wrong_signature_is_refused(sign_webhook: Sign, webhook_secret: str, signature: str) -> None:
    body, headers = sign_webhook()
    headers["magic-hour-event-signature"] = signature
    with pytest.raises(WebhookSignatureMismatchError, match="does not match the webhook secret"):
        verify_event(body, headers, webhook_secret)


def test_another_secret_is_refused(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook(secret="whsec_other")
    with pytest.raises(WebhookSignatureMismatchError):
        verify_event(body, headers, webhook_secret)


def test_an_uppercase_signature_is_accepted(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook()
    headers["magic-hour-event-signature"] = headers["magic-hour-event-signature"].upper()
    assert verify_event(body, headers, webhook_secret).project_id == "cuid-1"


def test_the_secret_is_taken_as_utf8(sign_webhook: Sign) -> None:
    secret = "whsec_clé_秘密"
    body, headers = sign_webhook(secret=secret)
    assert verify_event(body, headers, secret).project_id == "cuid-1"


# --- rotation


def test_rotation_accepts_the_old_and_the_new_secret(sign_webhook: Sign) -> None:
    secrets = ["whsec_new", "whsec_old"]
    for secret in secrets:
        body, headers = sign_webhook(secret=secret)
        assert verify_event(body, headers, secrets).project_id == "cuid-1"
        assert verify_event(body, headers, tuple(reversed(secrets))).project_id == "cuid-1"
    body, headers = sign_webhook(secret="whsec_retired")
    with pytest.raises(WebhookSignatureMismatchError, match="none of the 2 webhook secrets"):
        verify_event(body, headers, secrets)


# --- the secret from the environment


def test_the_secret_comes_from_the_environment(
    sign_webhook: Sign, webhook_secret: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAGIC_HOUR_WEBHOOK_SECRET", webhook_secret)
    body, headers = sign_webhook()
    assert verify_event(body, headers).project_id == "cuid-1"


def test_the_environment_can_hold_two_secrets_while_rotating(
    sign_webhook: Sign, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAGIC_HOUR_WEBHOOK_SECRET", " whsec_new  whsec_old ")
    for secret in ("whsec_new", "whsec_old"):
        body, headers = sign_webhook(secret=secret)
        assert verify_event(body, headers).project_id == "cuid-1"


def test_an_explicit_secret_wins_over_the_environment(
    sign_webhook: Sign, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAGIC_HOUR_WEBHOOK_SECRET", "whsec_env")
    body, headers = sign_webhook(secret="whsec_env")
    with pytest.raises(WebhookSignatureMismatchError):
        verify_event(body, headers, "whsec_given")


@pytest.mark.parametrize("value", [None, "", "   "])
def test_no_secret_at_all_is_a_configuration_error(
    sign_webhook: Sign, monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv("MAGIC_HOUR_WEBHOOK_SECRET", raising=False)
    else:
        monkeypatch.setenv("MAGIC_HOUR_WEBHOOK_SECRET", value)
    body, headers = sign_webhook()

    with pytest.raises(ConfigurationError) as info:
        verify_event(body, headers)

    assert isinstance(info.value, MissingWebhookSecretError)
    assert not isinstance(info.value, WebhookVerificationError)  # a receiver must not answer 400
    assert "MAGIC_HOUR_WEBHOOK_SECRET" in str(info.value)


@pytest.mark.parametrize("secret", ["", [], ["whsec_a", ""], [b"whsec_a"], b"whsec_a", [None]])
def test_an_unusable_secret_is_a_configuration_error(sign_webhook: Sign, secret: object) -> None:
    body, headers = sign_webhook()
    with pytest.raises(ConfigurationError):
        verify_event(body, headers, secret)  # type: ignore[arg-type]


# --- the body


def test_a_str_body_is_encoded_as_utf8(sign_webhook: Sign, webhook_secret: str) -> None:
    payload = {**_complete(), "name": "Café ☕ 東京"}
    body = json.dumps({"type": "image.completed", "payload": payload}, ensure_ascii=False).encode("utf-8")
    body, headers = sign_webhook(body=body)

    event = verify_event(body.decode("utf-8"), headers, webhook_secret)

    assert event.project is not None
    assert event.project.name == "Café ☕ 東京"


def test_a_completed_event_with_expired_urls_still_verifies(sign_webhook: Sign, webhook_secret: str) -> None:
    # A late delivery (retried for up to 24 h): its URLs have expired. Expiry is the downloader's business.
    body, headers = sign_webhook("image.completed", _complete(expires_at=EXPIRED))

    event = verify_event(body, headers, webhook_secret)

    assert event.project is not None
    assert isinstance(event.project.downloads, list)
    (download,) = event.project.downloads
    assert download.url == URL
    assert download.expires_at < dt.datetime.now(dt.UTC)


def test_fields_that_do_not_fit_are_read_as_absent(sign_webhook: Sign, webhook_secret: str) -> None:
    payload = {**_complete(), "credits_charged": "five", "new_field": [1, 2]}
    body, headers = sign_webhook("image.completed", payload)

    event = verify_event(body, headers, webhook_secret)

    assert event.project is not None
    assert event.project.additional_properties == {"new_field": [1, 2]}
    assert "credits_charged" not in event.project.to_dict()
    assert event.payload["credits_charged"] == "five"  # the raw payload is kept as sent


@pytest.mark.parametrize(
    ("event_type", "payload"),
    [
        ("image.canceled", {"id": "p", "status": "canceled"}),
        ("image.archived", "not even an object"),
        ("account.credits_low", {"remaining": 10}),
        ("image", {"id": "p", "status": "complete"}),
        ("image.completed.v2", {"id": "p"}),
        ("IMAGE.COMPLETED", {"id": "p"}),
    ],
)
def test_an_unknown_type_is_kept_not_refused(
    sign_webhook: Sign, webhook_secret: str, event_type: str, payload: object
) -> None:
    body, headers = sign_webhook(event_type, payload)

    event = verify_event(body, headers, webhook_secret)

    assert (event.type, event.kind, event.event, event.project, event.project_id) == (
        event_type,
        None,
        None,
        None,
        None,
    )
    assert event.payload == payload


def test_an_unknown_type_without_payload_is_kept(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook(body=b'{"type": "ping"}')
    event = verify_event(body, headers, webhook_secret)
    assert (event.type, event.payload) == ("ping", None)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"", "not JSON"),
        (b"not json", "not JSON"),
        (b'{"type": "image.completed", "payload": ', "not JSON"),
        (b"\xff\xfe\x00", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"payload": {}}', "no 'type'"),
        (b'{"type": 5, "payload": {}}', "no 'type'"),
        (b'{"type": "", "payload": {}}', "no 'type'"),
        (b'{"type": "image.completed"}', "not a JSON object"),
        (b'{"type": "image.completed", "payload": []}', "not a JSON object"),
        (
            b'{"type": "image.completed", "payload": {"status": "complete", "downloads": []}}',
            "'id' is missing",
        ),
        (b'{"type": "video.started", "payload": {"id": "p"}}', "'status' is missing"),
        (b'{"type": "audio.errored", "payload": {"id": 5, "status": "error"}}', "'id' is an integer"),
        (
            b'{"type": "image.completed", "payload": {"id": "p", "status": "complete"}}',
            "'downloads' is missing",
        ),
        (
            b'{"type": "image.completed", "payload": {"id": "p", "status": "complete", '
            b'"downloads": [{"url": 1}]}}',
            "downloads[0].url",
        ),
        (b"[" * 100_000 + b"]" * 100_000, "not"),
    ],
)
def test_a_malformed_body_is_refused_with_the_reason(
    sign_webhook: Sign, webhook_secret: str, body: bytes, words: str
) -> None:
    body, headers = sign_webhook(body=body)

    with pytest.raises(WebhookMalformedBodyError) as info:
        verify_event(body, headers, webhook_secret)

    assert words in str(info.value)


def test_the_body_is_checked_only_once_signed(sign_webhook: Sign, webhook_secret: str) -> None:
    _, headers = sign_webhook()
    with pytest.raises(WebhookSignatureMismatchError):
        verify_event(b"not json", headers, webhook_secret)


def test_a_body_of_another_type_is_a_type_error(sign_webhook: Sign, webhook_secret: str) -> None:
    _, headers = sign_webhook()
    with pytest.raises(TypeError, match="bytes or str"):
        verify_event({"type": "image.completed"}, headers, webhook_secret)  # type: ignore[arg-type]


def test_a_str_body_utf8_cannot_encode_is_malformed(sign_webhook: Sign, webhook_secret: str) -> None:
    _, headers = sign_webhook()
    with pytest.raises(WebhookMalformedBodyError, match="UTF-8"):
        verify_event('{"type": "\udc80"}', headers, webhook_secret)


# --- duplicates


def test_a_duplicate_delivery_verifies_to_an_equal_event(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook(timestamp=NOW)
    first = verify_event(body, headers, webhook_secret, now=NOW)
    second = verify_event(body, headers, webhook_secret, now=NOW + 60)
    assert first == second  # the same event, whenever received
    assert first is not second
    assert second.received_at - first.received_at == dt.timedelta(seconds=60)


# --- errors are MagicHourErrors; secrets and signatures never show


def test_every_verification_error_is_a_magic_hour_error() -> None:
    for cls in (
        WebhookMissingHeaderError,
        WebhookMalformedTimestampError,
        WebhookTimestampOutsideWindowError,
        WebhookSignatureMismatchError,
        WebhookMalformedBodyError,
    ):
        assert issubclass(cls, WebhookVerificationError)
    assert issubclass(WebhookVerificationError, MagicHourError)


@pytest.mark.parametrize("count", [1, 2])
def test_no_secret_or_signature_in_any_message_repr_or_log(
    sign_webhook: Sign, caplog: pytest.LogCaptureFixture, count: int
) -> None:
    secrets = ["whsec_never_show_me", "whsec_other_never_show_me"][:count]
    caplog.set_level(logging.DEBUG)
    good_body, good_headers = sign_webhook(
        "image.completed", {**_complete(), "credits_charged": "x"}, secret=secrets[0]
    )
    stamp = good_headers["magic-hour-event-timestamp"]
    attempts = [
        (good_body, good_headers),
        sign_webhook(body=good_body, secret="whsec_wrong", timestamp=stamp),  # a mismatch
        sign_webhook(body=good_body, secret=secrets[0], timestamp=int(stamp) - 10_000),
        sign_webhook(body=b"not json", secret=secrets[0], timestamp=stamp),
        (good_body, {**good_headers, "magic-hour-event-timestamp": "abc"}),
        (good_body, {"magic-hour-event-timestamp": stamp}),
    ]
    # What must never show: the secrets, and the signature each of them gives for each attempt.
    hidden = {*secrets, "never_show"}
    for body, _ in attempts:
        for secret in secrets:
            signature = sign_webhook(body=body, secret=secret, timestamp=stamp)[1][
                "magic-hour-event-signature"
            ]
            hidden |= {signature, signature[:16], signature[-16:]}
    seen: list[str] = []

    event = verify_event(good_body, good_headers, secrets)
    seen += [repr(event), str(event)]
    for body, headers in attempts[1:]:
        with pytest.raises(WebhookVerificationError) as info:
            verify_event(body, headers, secrets)
        seen += [str(info.value), repr(info.value), *map(str, info.value.args)]
    for bad in ("", [secrets[0], ""]):
        with pytest.raises(ConfigurationError) as config_info:
            verify_event(good_body, good_headers, bad)
        seen += [str(config_info.value), repr(config_info.value)]
    seen += [record.getMessage() for record in caplog.records]

    assert any("credits_charged" in record.getMessage() for record in caplog.records)  # DEBUG was on
    assert len(seen) > 10
    for text in seen:
        for value in hidden:
            assert value not in text, text
