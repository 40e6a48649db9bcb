"""Bounded fuzzy matching: a banded edit distance and cheap bounds that skip hopeless keys."""


def letter_mask(text: str) -> int:
    mask = 0
    for ch in text:
        if "a" <= ch <= "z":
            mask |= 1 << (ord(ch) - 97)
        elif "0" <= ch <= "9":
            mask |= 1 << (26 + ord(ch) - 48)
    return mask


def letter_counts(text: str) -> bytes:
    """Count each letter and digit (and everything else together): a cheap edit-distance bound."""
    counts = [0] * 37
    for ch in text:
        if "a" <= ch <= "z":
            counts[ord(ch) - 97] += 1
        elif "0" <= ch <= "9":
            counts[26 + ord(ch) - 48] += 1
        else:
            counts[36] += 1
    return bytes(min(c, 255) for c in counts)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Return the optimal-string-alignment (Damerau-Levenshtein) distance, or limit+1 beyond limit.

    Only the diagonal band |i - j| <= limit can hold a distance within the limit,
    so only that band is computed, and a row whose best is over the limit stops it.
    """
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    if a == b:
        return 0
    over = limit + 1
    prev2: list[int] | None = None
    prev = [j if j <= limit else over for j in range(lb + 1)]
    for i in range(1, la + 1):
        cur = [over] * (lb + 1)
        if i <= limit:
            cur[0] = i
        row_min = cur[0]
        ai = a[i - 1]
        for j in range(max(1, i - limit), min(lb, i + limit) + 1):
            bj = b[j - 1]
            v = min(prev[j - 1] + (ai != bj), prev[j] + 1, cur[j - 1] + 1)
            if prev2 is not None and j > 1 and ai == b[j - 2] and a[i - 2] == bj:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            row_min = min(row_min, v)
        if row_min > limit:
            return over
        prev2, prev = prev, cur
    return min(prev[lb], over)


def fuzzy_limit(length: int) -> int:
    """Return how many edits a name of this length may contain (0 = exact only).

    Short words are too easily another word: 'grass' is not a misspelling of Grays.
    """
    if length < 6:
        return 0
    return 1 if length < 9 else 2
