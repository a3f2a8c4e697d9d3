#!/usr/bin/env python3
"""Draws the Teams app icons for TriageBot with the standard library only (zlib + struct).

    python3 deploymentTemplates/teams/icons-src/make_icons.py

writes deploymentTemplates/teams/color.png (192x192, opaque) and outline.png (32x32, white on transparent),
the two sizes the Teams app manifest requires. The drawing is a shield (safeguarding) around a person.
Output is deterministic: running it twice gives identical files, so a diff shows only real changes.
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

ACCENT = (0x1F, 0x5F, 0x8B)  # keep in step with accentColor in manifest.json (#1F5F8B)
WHITE = (0xFF, 0xFF, 0xFF)
SUPERSAMPLE = 4  # 4x4 samples per pixel give smooth (anti-aliased) edges


def shield_half_width(v):
    """Half width of the shield at height v (both in units of the icon, v from -1 top to +1 bottom)."""
    top, shoulder, tip = -0.78, 0.05, 0.86
    if v < top or v > tip:
        return -1.0
    if v <= shoulder:
        return 0.66
    t = (v - shoulder) / (tip - shoulder)
    return 0.66 * math.sqrt(max(0.0, 1.0 - t * t))


def inside_shield(u, v, inset=0.0):
    # Scaling the outline about its centre gives an inner shield for the outline stroke.
    if inset:
        scale = 1.0 - inset
        centre = 0.04
        u, v = u / scale, centre + (v - centre) / scale
    return abs(u) <= shield_half_width(v)


def inside_person(u, v):
    head = (u * u + (v + 0.24) ** 2) <= 0.15 ** 2
    # Shoulders: the top half of an ellipse, cut flat at the bottom.
    body = 0.02 <= v <= 0.42 and (u / 0.34) ** 2 + ((v - 0.42) / 0.36) ** 2 <= 1.0
    return head or body


def render(size, shade):
    """shade(u, v) -> (r, g, b, a) for a point; returns rows of RGBA bytes averaged over the samples."""
    rows = []
    n = SUPERSAMPLE
    for y in range(size):
        row = bytearray()
        for x in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    u = ((x + (sx + 0.5) / n) / size) * 2.0 - 1.0
                    v = ((y + (sy + 0.5) / n) / size) * 2.0 - 1.0
                    r, g, b, a = shade(u, v)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            samples = n * n
            alpha = acc[3] / samples
            if acc[3]:
                colour = [round(acc[i] / acc[3]) for i in range(3)]
            else:
                colour = [0, 0, 0]
            row += bytes(colour + [round(alpha)])
        rows.append(bytes(row))
    return rows


def colour_icon(u, v):
    if inside_shield(u * 1.35, v * 1.35 - 0.02):
        if inside_person(u * 1.35, v * 1.35 - 0.02):
            return ACCENT + (255,)
        return WHITE + (255,)
    return ACCENT + (255,)


def outline_icon(u, v):
    # Teams: the outline icon is white on a transparent background.
    uu, vv = u * 1.12, v * 1.12
    stroke = inside_shield(uu, vv) and not inside_shield(uu, vv, inset=0.2)
    # The person is drawn smaller than in the colour icon so it stays clear of the stroke at 32 pixels.
    if stroke or inside_person(uu * 1.3, vv * 1.3):
        return WHITE + (255,)
    return (0, 0, 0, 0)


def write_png(path, size, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    # IHDR: width, height, bit depth 8, colour type 6 (RGBA), compression 0, filter 0, interlace 0.
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 (None) on every scanline
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def main():
    write_png(os.path.join(OUT, "color.png"), 192, render(192, colour_icon))
    write_png(os.path.join(OUT, "outline.png"), 32, render(32, outline_icon))
    print("wrote", os.path.join(OUT, "color.png"), "and", os.path.join(OUT, "outline.png"))


if __name__ == "__main__":
    main()
