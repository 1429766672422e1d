"""Japanese UI text of everything the extension generates, in one place so it stays consistent."""

from __future__ import annotations

KINDS: dict[str, str] = {
    "summit": "サミット",
    "design-summit": "デザインサミット",
    "forum": "フォーラム",
    "ptg": "PTG",
    "meetup": "ミートアップ・勉強会",
    "other": "その他",
}

TRACKS: dict[str, str] = {
    "keynote": "基調講演",
    "presentation": "講演",
    "panel": "パネルディスカッション",
    "workshop": "ワークショップ",
    "forum": "フォーラム",
    "design-summit": "デザインサミット",
    "working-session": "ワーキングセッション",
    "lightning-talk": "ライトニングトーク",
    "booth": "展示ブース",
    "meetup": "ミートアップ",
    "demo": "デモ",
    "other": "その他",
}

OBJECT_TYPES: dict[str, str] = {
    "event": "イベント",
    "session": "セッション",
    "project": "プロジェクト",
    "release": "リリース",
}

EVENT_FIELDS = {
    "dates": "会期",
    "location": "会場",
    "kind": "種別",
    "cycle": "開発サイクル",
    "source": "出典",
    "sessions": "セッション数",
}

SESSION_FIELDS = {
    "projects": "プロジェクト",
    "releases": "リリース",
    "speakers": "登壇者",
    "track": "形式",
    "date": "日付",
    "links": "リンク",
}

PROJECT_FIELDS = {
    "status": "現状",
    "aliases": "別名",
    "parent": "親プロジェクト",
    "url": "URL",
    "children": "サブプロジェクト",
    "sessions": "関連セッション",
}

RELEASE_FIELDS = {
    "version": "バージョン",
    "released": "リリース日",
    "aliases": "別名",
    "events": "このサイクルのイベント",
    "sessions": "関連セッション",
}

DOMAIN = "OpenStack イベント報告"
PROJECT_INDEX = "プロジェクト索引"
SPEAKER_INDEX = "登壇者索引"
#: the speaker index: what an entry is, and the group of names not in Latin letters
ORGANISATION = "組織"
NON_LATIN_GROUP = "日本語の名前"
RELEASE_INDEX = "リリース別索引"
#: dates: 2018年5月21日, 2012年8月; a span 2018年5月21日〜24日
YEAR, MONTH, DAY, SPAN = "年", "月", "日", "〜"
#: :status: of a project
STATUS: dict[str, str] = {
    "active": "開発中",
    "deprecated": "非推奨",
    "retired": "開発終了",
    "moved": "移管",
}
STATUS_SOURCE = "出典"
NO_EVENT = "（イベント未指定）"
EDITORIAL = "編注"
TOTAL = "計"
#: the event cards: facts joined with ／, then kind・開発サイクル badge・N セッション
FACT_SEPARATOR = "／"
CARD_SEPARATOR = "・"
CARD_CYCLE = "・開発サイクル "
#: the timeline's title (also what a screen reader announces)
TIMELINE = "OpenStack のリリースサイクルと本書のイベントの年表"
#: the e-book's title page
EVENTS_INSIDE = "収録イベント"
#: the e-book's navigation document (Sphinx titles it in English)
CONTENTS = "目次"
#: names of the web pages' two side panels, for screen readers
SITE_NAVIGATION = "サイト内のナビゲーション"
PAGE_CONTENTS = "このページの目次"
PAGE_TOOLS = "ページの操作"


def status(state: str, since: str) -> str:
    """``開発終了 2025年7月18日〜``: the state, and from when when known (Sphinx's index adds
    the parentheses)."""
    return STATUS[state] + (f" {since}{SPAN}" if since else "")


def parenthesised(text: str) -> str:
    """A date or span after a name: full-width parentheses, as Japanese text sets them."""
    return f"（{text}）"


def index_entry(name: str, objtype: str) -> str:
    """The general index's entry for an object: ``Nova (プロジェクト)``."""
    return f"{name} ({OBJECT_TYPES[objtype]})"


def ednote(new: str, old: str) -> str:
    """The visible note after restored text: what the seed had."""
    if not old:
        return f"〔{EDITORIAL}: 原文で欠落〕"
    if not new:
        return f"〔{EDITORIAL}: 原文の「{old}」を削除〕"
    return f"〔{EDITORIAL}: 原文「{old}」〕"


def count(n: int, unit: str = "件") -> str:
    return f"{n} {unit}"


def sessions(n: int) -> str:
    return f"{n} セッション"


#: make new: what it asks for (python -m summit new --help shows them too)
NEW_PROMPTS = {
    "id": "イベントの id（英小文字・数字・ハイフン、例: denver-2019）",
    "name": "イベント名（例: Open Infrastructure Summit Denver 2019）",
    "kind": f"種別（{', '.join(KINDS)}）",
    "start": "初日（YYYY-MM-DD）",
    "end": "最終日（YYYY-MM-DD、1日だけなら空）",
    "place": "ファイル名に使う開催地（英小文字、例: denver）",
    "location": "会場（本文に出す表記、例: デンバー (Colorado Convention Center)）",
    "cycle": "開発サイクル（releases.md のリリース名、例: Stein; 不明なら空）",
}


def new_chapter_done(chapter: str, bib: str, key: str) -> str:
    """What ``make new`` prints once it has written the chapter: what to do next."""
    return "\n".join([
        f"書いたもの: {chapter}、{bib} に {key}",
        "次にすること:",
        f"  1. {bib} の {key} を実際の出典（執筆者・公開先・日付）に直す",
        f"  2. {chapter} に報告を書く（make livehtml で見ながら）",
        "  3. make suggest でプロジェクトとリリースの付け忘れを探す",
        "  4. make html latexpdf epub で三つの版を作る",
    ])


#: the copy-as-wiki-link buttons (copylinks.py)
COPY = "リンクをコピー"
COPY_DONE = "コピーしました"
COPY_REFUSED = "コピーできませんでした。表示された欄から選んでコピーしてください"
COPY_FALLBACK = "リンク"
COPY_CHOOSER = "コピーするリンクの形式: "
COPY_SYNTAXES = {
    "url": "URL のみ",
    "markdown": "Markdown",
    "mediawiki": "MediaWiki",
    "confluence": "Confluence",
    "myst": "Sphinx (MyST)",
    "rst": "Sphinx (reST)",
}


def copy_label(title: str) -> str:
    return f"「{title}」へのリンクをコピー"


#: the session finder (summit-finder.js builds the form from these)
FINDER_UI = {
    "form": "セッションの絞り込み",
    "fields": {"event": "イベント", "project": "プロジェクト", "release": "リリース", "track": "形式",
               "speaker": "登壇者", "q": "文字列"},
    "any": "すべて",
    "count": "{shown} 件（全 {total} 件）",
    "clear": "絞り込みを解除",
}

#: a list cut short in a preview ("Nova、Neutron、Cellsほか")
AND_OTHERS = "ほか"
LIST_SEPARATOR = "、"
