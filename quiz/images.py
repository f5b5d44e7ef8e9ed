"""Check and prepare an uploaded picture with Pillow. No Django here.

An upload is accepted when it is a real JPEG, PNG or WebP file of at most 10 MB and 40 megapixels that decodes
completely. What is stored is a new image built from the decoded pixels (turned upright by its EXIF orientation,
then without any EXIF, GPS, XMP or text metadata), downscaled to at most 1600 pixels a side, with a 320-pixel
thumbnail; both as WebP.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = ("JPEG", "PNG", "WEBP")
MAX_SIDE = 1600
THUMBNAIL_SIDE = 320
QUALITY = 82


class ImageRejected(ValueError):
    """The upload is not an image we store. ``code`` names the reason for the caller to translate."""

    MESSAGES = {
        "empty": "the file is empty",
        "too_large": f"the file is over {MAX_BYTES // (1024 * 1024)} MB",
        "not_image": "the file is not a JPEG, PNG or WebP image",
        "too_many_pixels": f"the image has more than {MAX_PIXELS // 1_000_000} million pixels",
        "broken": "the image is damaged or incomplete",
    }

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(self.MESSAGES[code])


@dataclass(frozen=True, slots=True)
class PreparedImage:
    data: bytes
    width: int
    height: int
    thumbnail: bytes
    source_format: str


def prepare_image(upload: BinaryIO, size: int) -> PreparedImage:
    """Check an uploaded file (``size`` bytes long) and return the images to store; raise ImageRejected."""
    if size == 0:
        raise ImageRejected("empty")
    if size > MAX_BYTES:
        raise ImageRejected("too_large")
    # Pillow warns above 89 million pixels and refuses above twice that; we refuse above 40 million, checked
    # from the header before a single pixel is decoded, and turn Pillow's own warning into a refusal too.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            source_format = _check_header(upload)
            upload.seek(0)
            with Image.open(upload, formats=FORMATS) as image:
                if image.format == "JPEG":
                    image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # decode at a reduced scale: less memory
                image.load()
                picture = _upright_without_metadata(image)
        except ImageRejected:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageRejected("too_many_pixels") from None
        except UnidentifiedImageError:
            raise ImageRejected("not_image") from None
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError):
            # Truncated or corrupt data: Pillow's decoders raise these.
            raise ImageRejected("broken") from None
    full = _encode(picture, MAX_SIDE)
    thumbnail = _encode(picture, THUMBNAIL_SIDE)
    return PreparedImage(full, picture.width, picture.height, thumbnail, source_format)


def _check_header(upload: BinaryIO) -> str:
    upload.seek(0)
    with Image.open(upload, formats=FORMATS) as probe:
        width, height = probe.size
        if width * height > MAX_PIXELS:
            raise ImageRejected("too_many_pixels")
        if width < 1 or height < 1:
            raise ImageRejected("broken")
        source_format = str(probe.format)
        probe.verify()  # checksums and structure (PNG chunks' CRCs); decoding follows
    return source_format


def _upright_without_metadata(image: Image.Image) -> Image.Image:
    """The picture as it should be seen, as a new image that carries none of the file's metadata."""
    upright = ImageOps.exif_transpose(image) or image
    mode = "RGBA" if upright.mode in {"RGBA", "LA", "PA"} or "transparency" in upright.info else "RGB"
    converted = upright.convert(mode)
    converted.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    return Image.frombytes(mode, converted.size, converted.tobytes())


def _encode(picture: Image.Image, side: int) -> bytes:
    copy = picture.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    copy.save(out, format="WEBP", quality=QUALITY, method=4)
    return out.getvalue()
