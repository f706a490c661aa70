#!/usr/bin/env python3
"""Draws the images the boards' recipes bring with the media step, all made here from code (never a
downloaded picture), in the base theme's colours. Standard library only.
Run: python3 recipes/media/make-pattern.py

- learninghub-pattern.png: decorative banner pattern, overlapping rings on diagonal bands.
- diagram-agencies.png: a child at the centre, linked to six agencies that are linked to each other.
- diagram-timeline.png: a chronology as a timeline of ten contacts, three marked in red as missed opportunities.
"""
import math
import os
import struct
import zlib

WIDTH, HEIGHT = 1280, 640
DARK, BRAND, LIGHT, PALE = (15, 56, 92), (29, 112, 184), (91, 155, 213), (210, 226, 241)
WHITE, RED, GREEN, PURPLE, ORANGE, TURQUOISE = (255, 255, 255), (212, 53, 28), (0, 112, 60), (76, 44, 146), (244, 119, 56), (40, 161, 151)
HERE = os.path.dirname(os.path.abspath(__file__))


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def write_png(name, width, height, rows):
    """rows: the image as bytes, one filter byte (0) then RGB triples per row."""
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(png)


def pattern_colour(x, y):
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


class Canvas:
    """Just enough drawing for flat diagrams: fill, discs, rings, thick lines and rectangles."""

    def __init__(self, width, height, background):
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(background) * (width * height))

    def dot(self, x, y, colour):
        if 0 <= x < self.width and 0 <= y < self.height:
            i = (y * self.width + x) * 3
            self.pixels[i:i + 3] = bytes(colour)

    def disc(self, cx, cy, r, colour, inner=0):
        for y in range(int(cy - r), int(cy + r) + 1):
            for x in range(int(cx - r), int(cx + r) + 1):
                d = math.hypot(x - cx, y - cy)
                if inner <= d <= r:
                    self.dot(x, y, colour)

    def line(self, x0, y0, x1, y1, width, colour):
        steps = int(max(abs(x1 - x0), abs(y1 - y0))) + 1
        half = width / 2
        for s in range(steps + 1):
            t = s / steps
            x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
            for dy in range(-int(half), int(half) + 1):
                for dx in range(-int(half), int(half) + 1):
                    if dx * dx + dy * dy <= half * half:
                        self.dot(int(round(x + dx)), int(round(y + dy)), colour)

    def rect(self, x0, y0, x1, y1, colour):
        for y in range(max(0, y0), min(self.height, y1)):
            i = (y * self.width + max(0, x0)) * 3
            self.pixels[i:i + 3 * (min(self.width, x1) - max(0, x0))] = bytes(colour) * (min(self.width, x1) - max(0, x0))

    def rows(self):
        stride = self.width * 3
        return b"".join(b"\x00" + bytes(self.pixels[y * stride:(y + 1) * stride]) for y in range(self.height))


def agencies():
    canvas = Canvas(WIDTH, HEIGHT, (243, 242, 241))
    cx, cy = WIDTH // 2, HEIGHT // 2
    colours = [BRAND, GREEN, PURPLE, ORANGE, TURQUOISE, RED]
    points = [(cx + 430 * math.cos(a), cy + 220 * math.sin(a)) for a in (math.pi / 2 + i * math.pi / 3 for i in range(6))]
    for i, (x, y) in enumerate(points):
        nx, ny = points[(i + 1) % 6]
        canvas.line(x, y, nx, ny, 4, LIGHT)
    for x, y in points:
        canvas.line(cx, cy, x, y, 8, DARK)
    for (x, y), colour in zip(points, colours):
        canvas.disc(x, y, 62, WHITE)
        canvas.disc(x, y, 56, colour)
    canvas.disc(cx, cy, 92, WHITE)
    canvas.disc(cx, cy, 84, DARK)
    canvas.disc(cx, cy, 40, (255, 221, 0))
    return canvas.rows()


def timeline():
    canvas = Canvas(WIDTH, HEIGHT, (243, 242, 241))
    y = HEIGHT // 2
    canvas.rect(60, y - 5, WIDTH - 60, y + 5, DARK)
    missed = {3, 6, 8}
    for i in range(10):
        x = 120 + i * 116
        up = i % 2 == 0
        colour = RED if i in missed else BRAND
        # A card for each contact, above and below the line in turn, joined to its dot.
        top, bottom = (y - 210, y - 110) if up else (y + 110, y + 210)
        canvas.line(x, y, x, top if not up else bottom, 4, colour)
        canvas.rect(x - 48, top, x + 48, bottom, colour)
        canvas.rect(x - 36, top + 18, x + 36, top + 28, WHITE)
        canvas.rect(x - 36, top + 42, x + 20, top + 52, WHITE)
        canvas.rect(x - 36, top + 66, x + 28, top + 76, WHITE)
        canvas.disc(x, y, 22, WHITE)
        canvas.disc(x, y, 17, colour)
    return canvas.rows()


write_png("learninghub-pattern.png", WIDTH, HEIGHT,
          b"".join(b"\x00" + bytes(c for x in range(WIDTH) for c in pattern_colour(x, y)) for y in range(HEIGHT)))
write_png("diagram-agencies.png", WIDTH, HEIGHT, agencies())
write_png("diagram-timeline.png", WIDTH, HEIGHT, timeline())
