#!/usr/bin/env python3
"""Writes generated GDELT event rows (tab-separated, no header) for the import and dyad benchmarks.

    python3 bench/gdelt-gen.py wide OUT ROWS   # GDELT 2.0 rows, every column filled (import bench)
    python3 bench/gdelt-gen.py lean OUT ROWS   # GDELT 1.0 backfile rows (57 columns), actor codes,
                                               # event and counts only: many events in little disk

`lean` rows draw actors from 90 countries with Zipf-like weights (USA first, CHN third: the pair is
~2% of the rows) and an agent on half of them, codes from the CAMEO roots, days over 2015-2024.
Deterministic: the same arguments write the same file. Nothing here is GDELT data.
"""
import random
import sys

COUNTRIES = ("USA RUS CHN GBR FRA DEU IRN ISR UKR IND PAK JPN KOR PRK TUR SYR IRQ AFG SAU EGY "
             "BRA MEX CAN AUS ITA ESP NGA ZAF KEN ETH VEN COL ARG CHL PER CUB LBY YEM QAT ARE "
             "JOR LBN PSE SDN SOM MLI NER TCD DZA MAR TUN POL HUN CZE ROU BGR SRB GRC SWE NOR "
             "FIN DNK NLD BEL CHE AUT IRL PRT IDN MYS PHL THA VNM MMR BGD LKA NPL KAZ UZB AZE "
             "ARM GEO BLR MDA LTU LVA EST NZL SGP TWN").split()
AGENTS = ["", "", "", "", "GOV", "MIL", "BUS", "MED", "OPP", "REB", "COP", "JUD", "LEG", "EDU"]
CODES = ["010", "012", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071",
         "0831", "090", "100", "111", "112", "120", "130", "138", "141", "160", "172", "173",
         "180", "190", "193", "195"]


def quad(root):
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def wide(out, n):
    actors = ["USAGOV", "RUS", "CHNMIL", "GBRGOV", "IRNGOVMIL", "", "FRA", "DEUCOP", "UKRMIL", "IGOUNO"]
    names = ["UNITED STATES", "RUSSIA", "CHINA", "UNITED KINGDOM", "IRAN", "", "FRANCE", "GERMANY"]
    codes = ["010", "042", "0231", "112", "190", "036", "1823", "057", "173", "0834"]
    for i in range(n):
        code = codes[i % len(codes)]
        a1, a2 = actors[i % 10], actors[(i * 7 + 3) % 10]
        day = 1 + i % 28
        f = [str(900000000 + i), f"201902{day:02}", "201902", "2019", "2019.0877",
             a1, names[i % 8], a1[:3], "", "", "", "", a1[3:6], "", "",
             a2, names[(i * 5 + 1) % 8], a2[:3], "", "", "", "", a2[3:6], "", "",
             str(i % 2), code, code[:3], code[:2], str(quad(int(code[:2]))),
             f"{(i % 200) / 10 - 10:.1f}", str(1 + i % 40), str(1 + i % 5), str(1 + i % 30),
             f"{(i % 97) / 7 - 5:.14f}"]
        for g in range(3):
            f += ["4", f"Place {i % 101}, Region {g}, Country {i % 13}", "RS", "RS48", str(10000 + i % 500),
                  f"{55 + (i % 90) / 100:.4f}", f"{37 - (i % 80) / 100:.4f}", str(-2960000 - i)]
        f += [f"201902{day:02}101500", f"https://news.example.org/world/2019/02/{day:02}/story-{i}.html"]
        out.write("\t".join(f) + "\n")


def lean(out, n):
    rng = random.Random(8)
    weights = [1 / (k + 1) ** 1.1 for k in range(len(COUNTRIES))]
    weights[COUNTRIES.index("CHN")] *= 1.4
    # A pool of actors drawn once, then indexed: random.choices per row would be the slow part.
    pool = rng.choices(COUNTRIES, weights, k=1 << 16)
    agents = [rng.choice(AGENTS) for _ in range(1 << 16)]
    empty_geo = "\t".join(["0", "", "", "", "", "", ""])
    for i in range(n):
        r = rng.getrandbits(64)
        a = pool[r & 0xFFFF] + agents[(r >> 16) & 0xFFFF]
        b = "" if (r >> 32) % 10 == 0 else pool[(r >> 33) & 0xFFFF] + agents[(r >> 40) & 0xFFFF]
        code = CODES[(r >> 50) % len(CODES)]
        days = (r >> 20) % 3653
        year, rest = 2015 + days // 366, days % 366
        month, day = 1 + rest // 31 % 12, 1 + rest % 28
        date = f"{year}{month:02}{day:02}"
        root = int(code[:2])
        f = [str(100000000 + i), date, date[:6], date[:4], f"{year}.{month * 8:04}",
             a, "", a[:3], "", "", "", "", a[3:6], "", "",
             b, "", b[:3], "", "", "", "", b[3:6], "", "",
             str(r & 1), code, code[:3], code[:2], str(quad(root)),
             ("-" if root >= 11 else "") + f"{(r >> 8) % 10}.{(r >> 12) % 10}",
             str(1 + (r >> 24) % 9), "1", str(1 + (r >> 28) % 9), f"{((r >> 4) % 200) / 10 - 10:.2f}",
             empty_geo, empty_geo, empty_geo, date]
        out.write("\t".join(f) + "\n")


def main():
    kind, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(path, "w") as out:
        {"wide": wide, "lean": lean}[kind](out, n)


if __name__ == "__main__":
    main()
