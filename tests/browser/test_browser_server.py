"""The test server, like `make lab`, answers the API only with its token."""
import socket

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/api/contents", "/api/kernels", "/api/sessions"])
def test_api_refused_without_token(lab, path):
    status, _ = lab.api("GET", path, authenticated=False)
    assert status == 403, f"GET {path} without a token answered {status}, expected 403"


@pytest.mark.parametrize("path", ["/api/contents", "/api/kernels"])
def test_api_refused_with_a_wrong_token(lab, path):
    status, _ = lab.request("GET", path, token=lab.token[::-1] + "x")
    assert status == 403, f"GET {path} with a wrong token answered {status}, expected 403"


@pytest.mark.parametrize("path", ["/api/contents", "/api/kernels"])
def test_api_accepted_with_token(lab, path):
    status, body = lab.api("GET", path)
    assert status == 200, f"GET {path} with the token answered {status}"
    if path == "/api/contents":
        assert any(item["name"] == "00_start_here.ipynb" for item in body["content"])


def test_kernel_start_refused_without_token(lab):
    before = {k["id"] for k in lab.kernels()}
    status, _ = lab.api("POST", "/api/kernels", body={"name": "python3"}, authenticated=False)
    assert status == 403, f"POST /api/kernels without a token answered {status}"
    assert {k["id"] for k in lab.kernels()} == before, "a kernel was started without the token"


def non_loopback_addresses():
    """This machine's own IPv4 addresses other than loopback (from its hostname and its default route)."""
    found = set()
    try:
        found |= {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    except OSError:
        pass
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        try:
            udp.connect(("192.0.2.123", 9))  # UDP connect sends nothing: it only picks the outgoing address
            found.add(udp.getsockname()[0])
        except OSError:
            pass
    return sorted(a for a in found if not a.startswith("127.") and a != "0.0.0.0")


def test_server_listens_on_localhost_only(lab):
    assert lab.url.startswith("http://127.0.0.1:") and "--ServerApp.ip=127.0.0.1" in lab.command()
    addresses = non_loopback_addresses()
    if not addresses:
        pytest.skip("this machine has no non-loopback IPv4 address to try")
    for address in addresses:
        with socket.socket() as sock:
            sock.settimeout(2)
            assert sock.connect_ex((address, lab.port)) != 0, f"the server answers on {address}:{lab.port}"
