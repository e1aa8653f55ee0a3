"""List the base's topic words that no English glossary term reaches, most frequent first.

Usage: python scripts/glossary_gaps.py [--top N] [--min M] [DATA_DIR]

An English query is read through `data/glossary.yaml` (`terms`: English → the Chinese words the
documents use) and the metrics' English `about`. A topic an analyst would search that no term
maps to is found only in Chinese (`trade secrets` found nothing: 商业秘密 had no term). This
script is the curator's to-do list: the Chinese words the base names its topics by (the items'
titles, section headings, metric names and target quotes) that no glossary term's Chinese
covers (a term covers a word it equals, lies within, or holds), counted by the items whose text
holds them. There is no segmenter: candidates are the runs of two to six characters that recur
between varied neighbours (`ACCESSORS`), each kept only where no longer run recurs as often (so
`商业秘密`, not `商业秘` and `业秘密`), and the generic words of plan prose (`加快`, `推进`,
`体系`) are left out.
Every line is a candidate, not an answer: a curator reads it, greps `data/targets.yaml` for the
exact Chinese and writes the English a journalist would use (CURATING.md, "The English glossary").
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Words of plan prose that name no topic (verbs of effort, containers, degrees): never candidates.
GENERIC = set(
    """加快 推进 推动 提升 加强 实施 建设 发展 打造 完善 深化 强化 健全 构建 培育 支持 促进 开展 落实
    优化 扩大 持续 积极 全面 深入 着力 大力 重点 工作 行动 工程 计划 体系 机制 能力 水平 质量 高质量
    服务 管理 项目 建立 创新 改革 产业 企业 全省 我省 山东 省级 国家 新增 以上 左右 达到 力争 累计
    规模 总量 数量 比重 占比 增长 提高 个百分点 年均 全国 有关 部门 单位 牵头 配合 负责 分工 按职责
    进一步 高水平 示范 试点 专项 重大 主要 一批 多元 新型 现代 融合 升级 转型 提质 增效 保障 综合
    开放 合作 协同 一体化 化建设 和信息化 的 和 与 及 等 年 万 亿 个 家 项 所 元""".split()
)
#: A word stands between varied neighbours: at least this many different characters (or edges)
#: on each side (`商业秘密`); a piece of a longer word has one (`业秘` is always 商·业秘·密).
ACCESSORS = 3
_HAN = re.compile(r"[\u3400-\u9fff]+")


def names(kb) -> list[str]:  # noqa: ANN001 - load.KnowledgeBase
    """Where the base names its topics: items' titles, their section headings (each once) and
    the metric names, every one once."""
    out: set[str] = set()
    for item in kb.items:
        out.add(item.get("title") or "")
        out.update(item.get("section") or [])
        for t in item.get("targets") or []:  # the nouns a target counts, and its words
            out.update((t.get("metric") or "", t.get("quote") or ""))
    out.update(kb.vocabulary.entries)
    return sorted(n for n in out if n)


def covered_by(glossary: dict) -> list[str]:
    """Every Chinese word some English term or agency of the glossary stands for (an agency's
    name is no topic: `业和` and `省工业` are pieces of 省工业和信息化厅)."""
    zh = [z for zhs in (glossary.get("terms") or {}).values() for z in zhs]
    zh += list(glossary.get("agencies") or {})
    return sorted({z.lower() for z in zh}, key=len, reverse=True)


def candidates(texts: list[str], covered: list[str], min_count: int) -> list[tuple[str, int]]:
    """Runs of 2–6 Han characters found in at least ``min_count`` of ``texts``, maximal (no
    longer run holding them recurs as often), not generic and not covered by the glossary."""
    counts: Counter[str] = Counter()
    left: dict[str, set[str]] = {}
    right: dict[str, set[str]] = {}
    for k, text in enumerate(texts):
        seen = set()
        for run in _HAN.findall(text):
            for n in range(2, 7):
                for i in range(len(run) - n + 1):
                    w = run[i : i + n]
                    seen.add(w)
                    # a run's edge counts as a new neighbour each time (`#k`)
                    left.setdefault(w, set()).add(run[i - 1] if i else f"#{k}")
                    right.setdefault(w, set()).add(run[i + n] if i + n < len(run) else f"#{k}")
        counts.update(seen)
    keep = {
        w: c
        for w, c in counts.items()
        if c >= min_count and w not in GENERIC and min(len(left[w]), len(right[w])) >= ACCESSORS
    }
    out = []
    for w, c in keep.items():
        if any(len(o) > len(w) and w in o and co >= c for o, co in keep.items()):
            continue  # a piece of a longer word that recurs as often
        if any(g in w or w in g for g in covered):
            continue
        if any(w.startswith(g) or w.endswith(g) for g in GENERIC if len(g) >= 2 and len(w) - len(g) < 2):
            continue  # a generic word with one character more (`推进全`)
        out.append((w, c))
    return sorted(out, key=lambda wc: (-wc[1], -len(wc[0]), wc[0]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(ROOT / "data"), help="the base's folder")
    parser.add_argument("--top", type=int, default=200, help="how many candidates to list (default 200)")
    parser.add_argument("--min", type=int, default=2, help="in at least this many names (default 2)")
    args = parser.parse_args()
    from sdtargets.kb.load import load

    kb = load(Path(args.data))
    named = "".join(names(kb))
    texts = [item["text"] for item in kb.items]
    found = [(w, c) for w, c in candidates(texts, covered_by(kb.glossary or {}), args.min) if w in named]
    print(f"# {len(found)} candidate topic words no glossary term reaches (of titles, headings, metrics)")
    for word, count in found[: args.top]:
        print(f"{count:4d}  {word}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
