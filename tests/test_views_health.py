import pytest


@pytest.mark.django_db
def test_health_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_health_is_get_only(client, method):
    assert getattr(client, method)("/healthz").status_code == 405
