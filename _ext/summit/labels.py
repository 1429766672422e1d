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

NO_EVENT = "（イベント未指定）"
NONE_YET = "（まだありません）"
EDITORIAL = "編注"
PAGE = "p."


def count(n: int, unit: str = "件") -> str:
    return f"{n} {unit}"


def sessions(n: int) -> str:
    return f"{n} セッション"
