#!/usr/bin/env python3
"""Draws recipes/media/learninghub-pattern.png, the decorative banner pattern recipes may bring with the
media step. Made here from code (no downloaded picture): overlapping rings on diagonal bands in the base
theme's blues. Standard library only. Run: python3 recipes/media/make-pattern.py"""
import math
import os
import struct
import zlib

WIDTH, HEIGHT = 1280, 640
DARK, BRAND, LIGHT, PALE = (15, 56, 92), (29, 112, 184), (91, 155, 213), (210, 226, 241)


def colour(x, y):
    band = ((x + y) // 80) % 4
    base = [PALE, LIGHT, PALE, (232, 240, 248)][band]
    # Rings centred on a 160-pixel grid, offset every other row.
    offset = 80 if (y // 160) % 2 else 0
    cx = ((x + offset) // 160) * 160 + 80 - offset
    cy = (y // 160) * 160 + 80
    distance = math.hypot(x - cx, y - cy)
    if 50 <= distance < 62:
        return BRAND
    if 30 <= distance < 36:
        return DARK
    return base


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


rows = b"".join(b"\x00" + bytes(c for x in range(WIDTH) for c in colour(x, y)) for y in range(HEIGHT))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "learninghub-pattern.png"), "wb") as f:
    f.write(png)
