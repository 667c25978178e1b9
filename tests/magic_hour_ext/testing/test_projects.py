"""The download host: signed expiring URLs, Content-Length, Range, hostile names; project bodies."""

import email.utils
import re
import time
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from magic_hour_ext.testing import Fault, MagicHourServer, Output
from magic_hour_ext.testing._projects import remove_dot_segments


def _urls(api: httpx.Client, path: str) -> list[str]:
    return [d["url"] for d in api.get(path).json()["downloads"]]


def test_download_urls_are_signed_and_expire_as_announced(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project(url_ttl=3600)
    [download] = api.get(project.url_path).json()["downloads"]
    url = urlsplit(download["url"])
    assert f"{url.scheme}://{url.netloc}" == server.download_base_url
    assert url.path == f"/{project.id}/0/output.png"
    query = parse_qs(url.query)
    expires = int(query["expires"][0])
    assert len(query["signature"][0]) == 64
    assert expires - time.time() == pytest.approx(3600, abs=2)
    assert download["expires_at"] == time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(expires))


def test_png_download_with_content_length(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    project = server.create_project()
    [url] = _urls(api, project.url_path)
    response = cdn.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.headers["accept-ranges"] == "bytes"
    assert int(response.headers["content-length"]) == len(response.content) == project.outputs[0].size
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")


def test_expired_url_is_403_with_a_small_body(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    project = server.create_project(url_ttl=0)
    [url] = _urls(api, project.url_path)
    response = cdn.get(url)
    assert response.status_code == 403
    assert b"expired" in response.content
    assert len(response.content) < 200


def test_url_expires_after_its_ttl(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project()
    [url] = project.download_urls(ttl=0.01)  # valid until the next whole second
    assert cdn.get(url).status_code == 200
    expires = int(parse_qs(urlsplit(url).query)["expires"][0])
    time.sleep(max(0.0, expires - time.time()) + 0.01)
    assert cdn.get(url).status_code == 403


@pytest.mark.parametrize(
    "tamper",
    [
        lambda u: u.replace("signature=", "signature=0"),
        lambda u: u[:-1] + ("0" if u[-1] != "0" else "1"),
        lambda u: u.replace("expires=", "expires=9"),
        lambda u: u.split("?")[0],
        lambda u: u.replace("/0/output.png", "/0/other.png"),
    ],
    ids=["longer-signature", "changed-signature", "changed-expiry", "no-query", "other-name"],
)
def test_tampered_urls_are_403(server: MagicHourServer, cdn: httpx.Client, tamper) -> None:  # type: ignore[no-untyped-def]
    project = server.create_project()
    [url] = project.download_urls()
    assert cdn.get(tamper(url)).status_code == 403


def test_a_signature_of_another_file_is_403(server: MagicHourServer, cdn: httpx.Client) -> None:
    first, second = server.create_project(), server.create_project()
    [url] = first.download_urls()
    borrowed = url.replace(first.id, second.id)
    assert cdn.get(borrowed).status_code == 403


def test_unknown_file_is_404(server: MagicHourServer, cdn: httpx.Client) -> None:
    assert cdn.get(server.download_base_url + "/nope/0/output.png").status_code == 404
    assert cdn.get(server.download_base_url + "/").status_code == 404


def test_only_get_and_head(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project()
    [url] = project.download_urls()
    assert cdn.delete(url).status_code == 405
    head = cdn.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert int(head.headers["content-length"]) == project.outputs[0].size


def test_mid_file_range_returns_exactly_those_bytes(server: MagicHourServer, cdn: httpx.Client) -> None:
    size = 5 * (1 << 20) + 123
    project = server.create_project(outputs=[Output(size=size, name="big.bin")])
    [url] = project.download_urls()
    start = 3 * (1 << 20) - 7  # not on a block boundary
    response = cdn.get(url, headers={"Range": f"bytes={start}-"})
    assert response.status_code == 206
    assert response.headers["content-range"] == f"bytes {start}-{size - 1}/{size}"
    assert int(response.headers["content-length"]) == size - start
    whole = cdn.get(url).content
    assert len(whole) == size
    assert response.content == whole[start:] == project.output_bytes(0, start)


@pytest.mark.parametrize(
    ("header", "status", "expected"),
    [
        ("bytes=10-19", 206, slice(10, 20)),
        ("bytes=-5", 206, slice(995, 1000)),
        ("bytes=990-5000", 206, slice(990, 1000)),
        ("bytes=0-", 206, slice(0, 1000)),
        ("bytes=1000-", 416, None),
        ("bytes=0-1,5-6", 200, slice(0, 1000)),  # several ranges: the whole file
        ("items=0-1", 200, slice(0, 1000)),
        ("bytes=5-2", 200, slice(0, 1000)),
    ],
)
def test_range_forms(
    server: MagicHourServer, cdn: httpx.Client, header: str, status: int, expected: slice | None
) -> None:
    project = server.create_project(outputs=[Output(content=bytes(range(250)) * 4, name="a.bin")])
    [url] = project.download_urls()
    response = cdn.get(url, headers={"Range": header})
    assert response.status_code == status
    if expected is None:
        assert response.headers["content-range"] == "bytes */1000"
    else:
        assert response.content == project.outputs[0].content[expected]  # type: ignore[index]


def test_outputs_differ_and_are_deterministic(server: MagicHourServer, cdn: httpx.Client) -> None:
    outputs = [Output(size=4096, name="same.bin"), Output(size=4096, name="same.bin")]
    project = server.create_project(outputs=outputs)
    again = server.create_project(outputs=outputs)
    first, second = (cdn.get(url).content for url in project.download_urls())
    assert first != second  # the same name twice still means two files
    assert first == cdn.get(again.download_urls()[0]).content


@pytest.mark.parametrize(
    "name",
    ["..", ".", "%2F..%2Fx.png", "a" * 300 + ".png", "with space?.png", "../../etc/passwd", "", "ünï.png"],
)
def test_hostile_names_are_in_the_url_and_still_served(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client, name: str
) -> None:
    project = server.create_project(outputs=[Output(content=b"payload", name=name)])
    [url] = _urls(api, project.url_path)
    assert project.output_path(0).startswith(f"/{project.id}/0/")
    if name.isascii() and " " not in name and "?" not in name:
        assert url.split("?")[0].endswith(f"/0/{name}")
    response = cdn.get(url)
    assert response.status_code == 200
    assert response.content == b"payload"


def test_remove_dot_segments() -> None:
    assert remove_dot_segments("/a/0/..") == "/a/"
    assert remove_dot_segments("/a/0/.") == "/a/0/"
    assert remove_dot_segments("/a/0/../../../x") == "/x"
    assert remove_dot_segments("/a/0/x.png") == "/a/0/x.png"


def test_project_repr_and_url_path(server: MagicHourServer) -> None:
    project = server.create_project("a/b c", timeline=[("queued", 60.0), ("complete", None)])
    assert project.url_path == "/v1/image-projects/a%2Fb%20c"
    assert repr(project) == "Project(id='a/b c', kind='image', status='queued', outputs=1)"
    assert server.get_project("a/b c") is project
    assert project.body()["downloads"] == []


# -- Authorization on the download host ------------------------------------------------------------


@pytest.mark.parametrize("header", ["Bearer test-token", "Basic dXNlcjpwdw==", "AWS4-HMAC-SHA256 x"])
def test_an_authorization_header_on_the_download_host_is_400(
    server: MagicHourServer, cdn: httpx.Client, header: str
) -> None:
    project = server.create_project()
    [url] = project.download_urls()
    response = cdn.get(url, headers={"Authorization": header})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/xml"
    assert b"<Code>InvalidArgument</Code>" in response.content
    assert b"Only one auth mechanism allowed" in response.content
    assert header.encode() not in response.content  # the credential is not echoed
    assert cdn.get(url).status_code == 200  # the same URL without it
    assert [r.status for r in server.download_requests()] == [400, 200]


def test_authorization_is_refused_before_anything_else(server: MagicHourServer, cdn: httpx.Client) -> None:
    server.add_fault(Fault.status(503, route="download"))
    refused = cdn.get(server.download_base_url + "/nope/0/x.png", headers={"Authorization": "Bearer t"})
    assert refused.status_code == 400
    assert len(server.faults) == 1  # the fault is left for a request that could have reached the file


# -- ETag, Last-Modified and If-Range --------------------------------------------------------------


def _validators(cdn: httpx.Client, url: str) -> tuple[str, str]:
    response = cdn.head(url)
    return response.headers["etag"], response.headers["last-modified"]


def test_downloads_carry_a_strong_etag_and_last_modified(server: MagicHourServer, cdn: httpx.Client) -> None:
    outputs = [Output(size=4096, name="a.bin"), Output(size=4096, name="b.bin"), Output(content=b"x")]
    project = server.create_project(outputs=outputs)
    urls = project.download_urls()
    etags = [cdn.get(url).headers["etag"] for url in urls]
    assert all(re.fullmatch(r'"[0-9a-f]{32}"', etag) for etag in etags)
    assert len(set(etags)) == 3  # different bytes, different tags
    assert cdn.get(urls[0], headers={"Range": "bytes=0-9"}).headers["etag"] == etags[0]
    again = server.create_project(outputs=outputs)
    assert [cdn.head(url).headers["etag"] for url in again.download_urls()] == etags  # same bytes
    modified = email.utils.parsedate_to_datetime(cdn.head(urls[0]).headers["last-modified"])
    assert abs(modified.timestamp() - time.time()) < 5


def test_if_range_with_a_current_validator_gets_the_range(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project(outputs=[Output(size=1000, name="a.bin")])
    [url] = project.download_urls()
    etag, modified = _validators(cdn, url)
    for validator in (etag, modified):
        response = cdn.get(url, headers={"Range": "bytes=600-", "If-Range": validator})
        assert response.status_code == 206
        assert response.content == project.output_bytes(0, 600)


@pytest.mark.parametrize(
    "validator",
    ['"0123456789abcdef0123456789abcdef"', "Thu, 01 Jan 2015 00:00:00 GMT", "W/{etag}", "not a validator"],
)
def test_if_range_with_another_validator_gets_the_whole_file(
    server: MagicHourServer, cdn: httpx.Client, validator: str
) -> None:
    project = server.create_project(outputs=[Output(size=1000, name="a.bin")])
    [url] = project.download_urls()
    etag, _ = _validators(cdn, url)
    response = cdn.get(url, headers={"Range": "bytes=600-", "If-Range": validator.format(etag=etag)})
    assert response.status_code == 200
    assert "content-range" not in response.headers
    assert response.content == project.output_bytes(0)


def test_if_range_without_range_is_ignored(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project(outputs=[Output(size=100, name="a.bin")])
    [url] = project.download_urls()
    response = cdn.get(url, headers={"If-Range": '"stale"'})
    assert response.status_code == 200
    assert response.content == project.output_bytes(0)


def test_a_replaced_output_has_new_bytes_and_validators(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project(outputs=[Output(size=1000, name="a.bin"), Output(content=b"keep")])
    [old_url, other_url] = project.download_urls()
    old_bytes = cdn.get(old_url).content
    etag, modified = _validators(cdn, old_url)
    other = _validators(cdn, other_url)

    project.replace_output(0, Output(size=1000, name="a.bin"))  # same size, new render

    new_etag, new_modified = _validators(cdn, old_url)
    assert new_etag != etag
    assert email.utils.parsedate_to_datetime(new_modified) > email.utils.parsedate_to_datetime(modified)
    whole = cdn.get(old_url)  # the URL handed out before still works, with the new bytes
    assert whole.content == project.output_bytes(0) != old_bytes
    for stale in (etag, modified):  # a client resuming the old file gets the whole new one
        resumed = cdn.get(old_url, headers={"Range": "bytes=500-", "If-Range": stale})
        assert resumed.status_code == 200
        assert resumed.content == whole.content
    fresh = cdn.get(old_url, headers={"Range": "bytes=500-", "If-Range": new_etag})
    assert fresh.status_code == 206
    assert _validators(cdn, other_url) == other  # the other output is untouched


def test_replacing_with_the_same_content_keeps_the_etag(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project(outputs=[Output(content=b"same", name="a.txt")])
    [url] = project.download_urls()
    etag, _ = _validators(cdn, url)
    project.replace_output(0, Output(content=b"same", name="a.txt"))
    assert _validators(cdn, url)[0] == etag
    project.replace_output(0, Output(content=b"other", name="a.txt"))
    assert _validators(cdn, url)[0] != etag
    assert cdn.get(url).content == b"other"


def test_replace_output_refuses_bad_arguments(server: MagicHourServer) -> None:
    project = server.create_project()
    with pytest.raises(IndexError, match="out of range"):
        project.replace_output(1, Output())
    with pytest.raises(TypeError, match="Output"):
        project.replace_output(0, b"png")  # type: ignore[arg-type]
