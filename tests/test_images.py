"""Pictures: checked with Pillow, stored without metadata, downscaled, shown on the article page and in the quiz."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image as PILImage

from quiz.images import MAX_SIDE, THUMBNAIL_SIDE, ImageRejected, prepare_image
from quiz.models import Image, Question

from .adminform import page_form_data
from .conftest import make_bank_question

HTMX = {"HTTP_HX_REQUEST": "true"}
GPS_IFD = 0x8825
ORIENTATION = 0x0112


# Real files, good and bad ---------------------------------------------------------------------------------------


def jpeg(width: int = 800, height: int = 600, *, exif: bool = False) -> bytes:
    picture = PILImage.new("RGB", (width, height), (180, 40, 40))
    picture.paste((30, 90, 200), (0, 0, width // 2, height))  # left half blue: shows which way is up
    out = io.BytesIO()
    if exif:
        tags = PILImage.Exif()
        tags[ORIENTATION] = 6  # the camera was turned: show rotated 90° clockwise
        tags[0x010F] = "Camera maker"
        tags[GPS_IFD] = {1: "N", 2: (33.0, 30.0, 0.0), 3: "E", 4: (36.0, 18.0, 0.0)}
        picture.save(out, "JPEG", exif=tags.tobytes())
    else:
        picture.save(out, "JPEG")
    return out.getvalue()


def png(width: int, height: int, mode: str = "RGBA") -> bytes:
    out = io.BytesIO()
    PILImage.new(mode, (width, height), (10, 120, 60, 128) if mode == "RGBA" else 0).save(out, "PNG")
    return out.getvalue()


def png_bomb(width: int, height: int) -> bytes:
    """A real, valid 1-bit PNG of width × height zero pixels: a few kilobytes that decode to hundreds of MB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    packer = zlib.compressobj(9)
    row = b"\0" * (1 + (width + 7) // 8)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def noise_png(width: int, height: int) -> bytes:
    """Random pixels do not compress: 2000 × 2000 is a real PNG of about 12 MB but only 4 megapixels."""
    out = io.BytesIO()
    PILImage.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(out, "PNG", compress_level=1)
    return out.getvalue()


def prepared(data: bytes):
    return prepare_image(io.BytesIO(data), len(data))


def test_a_jpeg_is_stored_upright_as_webp_without_exif_or_gps():
    result = prepared(jpeg(800, 600, exif=True))
    stored = PILImage.open(io.BytesIO(result.data))
    assert stored.format == "WEBP"
    assert stored.size == (600, 800)  # turned upright by its orientation tag
    assert (result.width, result.height) == (600, 800)
    assert dict(stored.getexif()) == {}
    assert "exif" not in stored.info and "xmp" not in stored.info
    # Upright: the blue left half of the picture is now its top half.
    top, bottom = stored.convert("RGB").getpixel((300, 100)), stored.convert("RGB").getpixel((300, 700))
    assert top[2] > 150 and bottom[0] > 150
    assert result.source_format == "JPEG"


def test_a_large_picture_is_downscaled_with_a_thumbnail():
    result = prepared(jpeg(4000, 3000))
    assert (result.width, result.height) == (MAX_SIDE, 1200)
    assert PILImage.open(io.BytesIO(result.data)).size == (MAX_SIDE, 1200)
    assert PILImage.open(io.BytesIO(result.thumbnail)).size == (THUMBNAIL_SIDE, 240)


def test_png_transparency_and_webp_input_are_kept():
    result = prepared(png(300, 200))
    assert PILImage.open(io.BytesIO(result.data)).mode == "RGBA"
    webp = io.BytesIO()
    PILImage.new("RGB", (50, 40), "white").save(webp, "WEBP")
    assert prepared(webp.getvalue()).source_format == "WEBP"


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda: b"this is a text file, named .png by mistake", "not_image"),
        (lambda: jpeg()[: len(jpeg()) // 2], "broken"),
        (lambda: png_bomb(20_000, 20_000), "too_many_pixels"),  # 400 megapixels in ~50 kB
        (lambda: png_bomb(7_000, 6_000), "too_many_pixels"),  # 42 megapixels: under Pillow's limit, over ours
        (lambda: noise_png(2_000, 2_000), "too_large"),  # over 10 MB
        (lambda: b"", "empty"),
    ],
    ids=["text-named-png", "truncated-jpeg", "decompression-bomb", "over-40-megapixels", "over-10-mb", "empty"],
)
def test_bad_uploads_are_refused_with_their_reason(make, code):
    data = make()
    with pytest.raises(ImageRejected) as refused:
        prepared(data)
    assert refused.value.code == code


def test_a_gif_is_not_one_of_the_accepted_formats():
    out = io.BytesIO()
    PILImage.new("P", (20, 20)).save(out, "GIF")
    with pytest.raises(ImageRejected) as refused:
        prepared(out.getvalue())
    assert refused.value.code == "not_image"


# In the admin ---------------------------------------------------------------------------------------------------


def add_image(client, url: str, upload: SimpleUploadedFile | None, alt: str):
    data = page_form_data(client.get(url))
    data["images-TOTAL_FORMS"] = str(int(data["images-TOTAL_FORMS"]) + 1)
    n = int(data["images-TOTAL_FORMS"]) - 1
    data[f"images-{n}-alt"] = alt
    data[f"images-{n}-position"] = "0"
    if upload is not None:
        data[f"images-{n}-upload"] = upload
    return client.post(url, data)


def inline_errors(response) -> str:
    assert response.status_code == 200
    images = next(i for i in response.context["inline_admin_formsets"] if i.formset.prefix == "images")
    return " ".join(str(e) for errors in images.formset.errors for field in errors.values() for e in field)


@pytest.mark.django_db
def test_a_teacher_attaches_a_picture_to_an_article(client, teacher, seed_article, media_root):
    client.force_login(teacher)
    url = reverse("admin:quiz_article_change", args=[seed_article.pk])
    upload = SimpleUploadedFile("photo.jpg", jpeg(2400, 1600, exif=True), "image/jpeg")
    response = add_image(client, url, upload, "قاعة الجمعية العامة")
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.article == seed_article and image.question is None
    assert image.alt == "قاعة الجمعية العامة"
    assert (image.width, image.height) == (1067, MAX_SIDE)  # upright (rotated), then downscaled
    stored = Path(image.file.path)
    assert stored.is_relative_to(media_root) and stored.suffix == ".webp"
    assert dict(PILImage.open(stored).getexif()) == {}
    assert max(PILImage.open(image.thumbnail.path).size) == THUMBNAIL_SIDE
    # It shows on the article page, with its text alternative and its size.
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert f'<img src="{image.file.url}" alt="قاعة الجمعية العامة" width="1067" height="1600"' in html
    # And the admin shows the thumbnail.
    assert image.thumbnail.url in client.get(url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "alt", "message"),
    [
        ("photo.png", b"this is a text file", "صورة", "ليس صورة بصيغة JPEG أو PNG أو WebP"),
        ("photo.jpg", jpeg()[:3000], "صورة", "تالفة أو ناقصة"),
        ("bomb.png", png_bomb(20_000, 20_000), "صورة", "أكثر من 40 مليون بكسل"),
        ("big.png", noise_png(2_000, 2_000), "صورة", "أكبر من 10 ميغابايت"),
        ("photo.jpg", jpeg(), "", "هذا الحقل مطلوب"),
        (None, None, "صورة بلا ملف", "اختر صورة"),
    ],
    ids=["text-named-png", "truncated-jpeg", "bomb", "over-10-mb", "no-alt", "no-file"],
)
def test_a_bad_upload_is_a_form_error_and_stores_nothing(
    client, teacher, seed_article, media_root, name, content, alt, message
):
    client.force_login(teacher)
    url = reverse("admin:quiz_article_change", args=[seed_article.pk])
    upload = SimpleUploadedFile(name, content, "image/png") if name else None
    response = add_image(client, url, upload, alt)
    assert message in inline_errors(response)
    assert not Image.objects.exists()
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


@pytest.mark.django_db
def test_a_picture_attached_to_a_question_is_the_questions_image(client, teacher, seed_article, media_root):
    question = make_bank_question(seed_article, status=Question.Status.GENERATED)
    client.force_login(teacher)
    url = reverse("admin:quiz_question_change", args=[question.pk])
    data = page_form_data(client.get(url))
    data["evidence"] = str(seed_article.sentences.get(text__contains="134 دولة").pk)
    data["images-TOTAL_FORMS"] = "1"
    data["images-0-alt"] = "خريطة الدول المشاركة"
    data["images-0-position"] = "0"
    data["images-0-upload"] = SimpleUploadedFile("map.png", png(640, 480), "image/png")
    response = client.post(url, data)
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.edited  # a picture is the teacher's work too: regeneration keeps the question
    fetched = Question.objects.prefetch_related("images").get(pk=question.pk)
    assert fetched.image is not None and fetched.image.alt == "خريطة الدول المشاركة"
    assert seed_article.images.count() == 0  # not on the article page


@pytest.mark.django_db
def test_replacing_a_picture_removes_the_old_files(
    client, teacher, seed_article, media_root, django_capture_on_commit_callbacks
):
    client.force_login(teacher)
    url = reverse("admin:quiz_article_change", args=[seed_article.pk])
    add_image(client, url, SimpleUploadedFile("a.jpg", jpeg(), "image/jpeg"), "الأولى")
    old = Image.objects.get()
    old_files = [Path(old.file.path), Path(old.thumbnail.path)]
    data = page_form_data(client.get(url))
    data["images-0-upload"] = SimpleUploadedFile("b.png", png(100, 100), "image/png")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    new = Image.objects.get()
    assert new.pk == old.pk and new.file.name != old.file.name
    assert Path(new.file.path).is_file()
    assert not any(path.exists() for path in old_files)


# Serving ------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_pictures_are_served_in_production_too(client, teacher, seed_article, media_root, settings):
    settings.DEBUG = False
    client.force_login(teacher)
    add_image(
        client,
        reverse("admin:quiz_article_change", args=[seed_article.pk]),
        SimpleUploadedFile("a.jpg", jpeg(), "image/jpeg"),
        "صورة",
    )
    client.logout()
    image = Image.objects.get()
    for extra in ({}, HTMX):
        response = client.get(image.file.url, **extra)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/webp"
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
        assert b"".join(response.streaming_content) == Path(image.file.path).read_bytes()
    assert client.get(image.thumbnail.url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/media/images/missing.webp", "/media/images/../secret_key", "/media/other/x.webp", "/media/images/x.svg"]
)
def test_only_stored_pictures_are_served(client, media_root, path):
    (media_root / "other").mkdir(parents=True)
    (media_root / "other" / "x.webp").write_bytes(b"x")
    (media_root / "secret_key").write_text("secret")
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_media_answers_only_get(client, media_root):
    assert client.post("/media/images/x.webp").status_code == 405


# Cleaning up -----------------------------------------------------------------------------------------------------


def _age(paths: list[Path], seconds: int) -> None:
    for path in paths:
        os.utime(path, (path.stat().st_atime - seconds, path.stat().st_mtime - seconds))


@pytest.mark.django_db
def test_clean_media_deletes_the_files_of_deleted_pictures_only(client, teacher, seed_article, media_root):
    client.force_login(teacher)
    url = reverse("admin:quiz_article_change", args=[seed_article.pk])
    add_image(client, url, SimpleUploadedFile("a.jpg", jpeg(), "image/jpeg"), "الأولى")
    kept = Image.objects.get()
    add_image(client, url, SimpleUploadedFile("b.png", png(100, 100), "image/png"), "الثانية")
    gone = Image.objects.exclude(pk=kept.pk).get()
    kept_files = [Path(kept.file.path), Path(kept.thumbnail.path)]
    gone_files = [Path(gone.file.path), Path(gone.thumbnail.path)]
    gone.delete()  # as when its article or question is deleted: the row goes, the files stay
    assert all(path.is_file() for path in gone_files)

    out = io.StringIO()
    call_command("clean_media", stdout=out)
    assert out.getvalue().endswith("deleted 0 files\n"), "files younger than an hour may be an upload in progress"
    _age(kept_files + gone_files, 2 * 60 * 60)

    out = io.StringIO()
    call_command("clean_media", "--dry-run", stdout=out)
    assert out.getvalue().splitlines() == [gone.file.name, gone.thumbnail.name, "would delete 2 files"]
    assert all(path.is_file() for path in gone_files)

    call_command("clean_media", stdout=io.StringIO())
    assert not any(path.exists() for path in gone_files)
    assert all(path.is_file() for path in kept_files)
    assert client.get(kept.file.url).status_code == 200
