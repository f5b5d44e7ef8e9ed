"""python -m quiz.bench_images: how long checking and preparing an upload takes (quiz.images), median of 5 runs.

The inputs are made here: noisy JPEGs (a hard case for the decoder and the WebP encoder) at common camera
sizes, a PNG screenshot-like image, and a 400-megapixel PNG decompression bomb (refused from its header).
"""

from __future__ import annotations

import io
import os
import statistics
import struct
import time
import zlib

from PIL import Image

from quiz.images import ImageRejected, prepare_image


def noisy_jpeg(width: int, height: int) -> bytes:
    small = Image.frombytes("RGB", (width // 8, height // 8), os.urandom(width // 8 * height // 8 * 3))
    out = io.BytesIO()
    small.resize((width, height), Image.Resampling.BICUBIC).save(out, "JPEG", quality=90)
    return out.getvalue()


def flat_png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (240, 240, 240)).save(out, "PNG")
    return out.getvalue()


def png_bomb(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    packer = zlib.compressobj(9)
    row = b"\0" * (1 + (width + 7) // 8)
    body = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def main() -> None:
    cases = {
        "JPEG 1200x800": noisy_jpeg(1200, 800),
        "JPEG 4000x3000 (12 MP)": noisy_jpeg(4000, 3000),
        "JPEG 6000x4000 (24 MP)": noisy_jpeg(6000, 4000),
        "PNG 1920x1080": flat_png(1920, 1080),
        "PNG bomb 20000x20000": png_bomb(20_000, 20_000),
    }
    print("| input | file | median | result |\n|---|---:|---:|---|")
    for name, data in cases.items():
        times = []
        for _ in range(5):
            started = time.perf_counter()
            try:
                prepared = prepare_image(io.BytesIO(data), len(data))
                result = f"stored {prepared.width}x{prepared.height}, {len(prepared.data) // 1024} kB + thumbnail"
            except ImageRejected as refused:
                result = f"refused: {refused.code}"
            times.append(time.perf_counter() - started)
        print(f"| {name} | {len(data) // 1024} kB | {statistics.median(times) * 1000:.0f} ms | {result} |")


if __name__ == "__main__":
    main()
