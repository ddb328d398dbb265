"""Initiatives: what the rules take for a named policy, plan, program, reform, platform, project or event.

The cases come from the knowledge file itself (extractor/data/initiatives.toml), so an
expert who adds a word adds its sentence; each mechanism of the module gets a sentence
of its own that fails when the mechanism is taken out; and properties every name must
keep are checked on the seed pages and on unseen pages when they are here.
"""

import re
from pathlib import Path

import pytest

from extractor import extract_text
from extractor.backends.rules.initiatives import _MAX_NAME, _candidates, _knowledge, report_owner
from extractor.backends.rules.labels import read_data

DATA = read_data("initiatives.toml")


def _names(sentence: str) -> dict[str, str]:
    """Every initiative found in a one-sentence page, name → kind."""
    return {i.name: i.initiative_kind for article in extract_text(sentence).articles for i in article.initiatives}


@pytest.mark.parametrize("case", DATA["examples"], ids=lambda c: c["name"])
def test_every_example_comes_out_with_its_kind(case):
    found = _names(case["text"])
    assert found.get(case["name"]) == case["kind"], found


@pytest.mark.parametrize("case", DATA["owners"], ids=lambda c: c["name"])
def test_every_owner_example_has_its_zone_and_owner(case):
    found = {i.name: (i.park, i.owner) for article in extract_text(case["text"]).articles for i in article.initiatives}
    assert found.get(case["name"]) == (case["park"], case["owner"]), found


@pytest.mark.parametrize("case", DATA["report_owner"]["examples"], ids=lambda c: c["owner"])
def test_a_report_slice_with_no_title_owns_its_measures(case):
    # the voice makes it a report, the place named most at the level of its scope words is the government it speaks for
    owners = {i.owner for article in extract_text(case["text"]).articles for i in article.initiatives}
    assert owners == {case["owner"]}, owners


@pytest.mark.parametrize("case", DATA["report_owner"]["counter_examples"], ids=lambda c: c["why"])
def test_no_report_owner_without_voice_or_with_a_tie(case):
    assert report_owner(case["text"], 0, len(case["text"])) == ""


@pytest.mark.parametrize("case", DATA["counter_examples"], ids=lambda c: c["name"])
def test_no_counter_example_comes_out(case):
    assert case["name"] not in _names(case["text"])


def test_every_kind_word_has_a_documented_kind():
    kinds = {"policy", "action_plan", "program", "reform", "platform", "project", "event", "other"}
    assert set(DATA["kind_words"]) <= kinds
    words = [word for listed in DATA["kind_words"].values() for word in listed]
    assert len(words) == len(set(words)), "a kind word is listed under one kind only"


# --- where a name starts --------------------------------------------------------------


def test_a_name_never_starts_inside_a_word_that_holds_a_cut_character():
    # 以 is a cut character, 以上 a word: the name is not 上工业企业数字化服务平台.
    found = _names("全市规模以上工业企业数字化服务平台正式上线。")
    assert found and not any(name.startswith("上") for name in found), found


def test_a_place_name_with_a_cut_character_stays_whole():
    # 都 is a cut character; 成都 is a place (extractor/data/places.csv).
    assert "成都高新区知识产权运营服务平台" in _names("成都高新区知识产权运营服务平台近日上线。")


def test_a_run_cut_off_in_the_middle_of_a_phrase_has_no_start():
    # The run before 实验室 is longer than a name may be and holds no cut: any start would be mid-word.
    run = "甲乙丙丁戊己庚辛壬癸" * 5
    assert _names(f"据悉，{run}实验室建成。") == {}


def test_a_quoted_name_after_a_cut_off_phrase_stands_on_its_own():
    # A digit before the words: 个项目… is no start, the quotation is.
    found = _names("全年累计为75个项目实现“拿地即开工”。")
    assert "“拿地即开工”" in found and not any(name.startswith("个") for name in found), found


def test_a_name_never_starts_inside_its_kind_word():
    # 对 is a cut character; it stands inside the kind word 对接会.
    assert "新材料产业发展专场对接会" in _names("科学城举办新材料产业发展专场对接会。")


def test_a_joining_character_never_starts_a_name():
    found = _names("新区发布行动方案（以下简称方案）暨“青蓝之星”行动。")
    assert "“青蓝之星”行动" in found and not any(name.startswith("暨") for name in found), found


def test_a_lead_word_of_the_zone_itself_ends_before_the_name():
    assert "单体工程联合验收改革" in _names("这标志着该高新区单体工程联合验收改革进入常态化。")


# --- names that hold kind words ----------------------------------------------------------


def test_a_name_goes_on_through_a_kind_word_inside_it():
    found = _names("持续深化工程建设项目审批全链条改革，提升审批效能。")
    assert "工程建设项目审批全链条改革" in found, found


def test_a_name_does_not_go_on_across_a_cut():
    found = _names("北航江西研究院、江铜研究院等科创平台逐一落地。")
    assert {"北航江西研究院", "江铜研究院"} <= set(found), found


def test_a_kind_word_inside_a_quotation_leaves_the_name_to_the_quoted_shape():
    assert set(_names("高新区全面实施“三年跨越计划”。")) == {"“三年跨越计划”"}


def test_a_kind_word_that_goes_on_into_another_noun_ends_no_name():
    assert _names("陕西省发展改革委党组书记来园区调研。") == {}
    assert _names("江苏恒通商务服务有限公司近日成立。") == {}


# --- quotation marks -----------------------------------------------------------------------


def test_a_name_with_an_unclosed_quotation_is_cut_after_it():
    # The kind word 服务 stands inside a quotation that goes on: no name ends there.
    assert _names("专家团队“立足本地、服务全国”的定位十分清晰。") == {}
    # A speech: the name starts after the opening mark, then after the lead words.
    found = _names("他说：“接下来我们将紧抓营商环境改革试点，让企业少跑腿。”")
    assert "营商环境改革试点" in found and not any("“" in name for name in found), found


def test_quoted_items_of_a_list_before_a_kind_word_are_one_name():
    # The kind word after the list names the items together, as written (GUIDE: names as written).
    found = _names("该区深入推进“亩均论英雄”和“退二优二”“退二进三”改革。")
    assert "“亩均论英雄”和“退二优二”“退二进三”改革" in found, found
    assert not any(name in {"“退二优二”", "“退二进三”改革"} for name in found), found
    # A kind word between them ends the first name: two names, two kinds.
    found = _names("园区实施“双招双引”工程和“营商环境提升”行动。")
    assert {"“双招双引”工程", "“营商环境提升”行动"} <= set(found), found


def test_a_quotation_before_de_or_wei_qualifies_something_else():
    assert _names("基地坚持以“服务企业、成就事业”为目标。") == {}
    assert _names("园区构建“融入中心、服务大局”的工作格局。") == {}
    assert "“单体竣工即验收”" in _names("这是园区推行“单体竣工即验收”的真实写照。")


def test_a_launch_verb_counts_right_before_the_quotation_only():
    assert _names("多个项目得以突破。“点对点”精准发力。") == {}
    assert "“揭榜挂帅”" in _names("园区全面推行“揭榜挂帅”。")


# --- what is no name -------------------------------------------------------------------------


def test_a_count_is_no_name_but_a_count_inside_quotation_marks_is():
    assert _names("今年新签约8个智能装备项目。") == {}
    assert _names("园区培育3000万美元以上智能装备项目。") == {}
    assert "“三个一”服务机制" in _names("园区实行“三个一”服务机制。")


def test_a_name_followed_by_its_count_is_a_kind_tallied():
    assert _names("其中智能装备项目12项，生物材料项目3项。") == {}


def test_a_reference_is_no_name():
    assert _names("这些智能装备项目将于年内投产。") == {}
    assert _names("我们要让每一个智能装备项目都落地。") == {}


def test_a_reference_before_a_quotation_leaves_the_quoted_name():
    assert "“拿地即开工”改革" in _names("园区把这项“拿地即开工”改革推广到全区。")


def test_a_generic_head_with_generic_modifiers_is_no_name():
    assert _names("园区出台人才政策。") == {}  # short: a kind of policy
    assert _names("园区跟踪服务覆盖全部企业。") == {}
    assert _names("青岛高新区重点项目服务实现全覆盖。") == {}  # a zone's name is no proper modifier either
    assert "青岛高新区华东路幼儿园项目" in _names("青岛高新区华东路幼儿园项目开工。")


def test_a_periodical_in_title_marks_is_no_document():
    assert _names("据美国《商业周刊》杂志报道，园区入选榜单。") == {}
    assert "《园区发展报告》" in _names("管委会发布《园区发展报告》。")


def test_two_shapes_of_the_same_name_give_one_name():
    assert set(_names("园区推行“集成办理”改革模式。")) == {"“集成办理”改革模式"}


# --- properties on whole pages ---------------------------------------------------------------


def _pages(seeds: Path, corpus: Path | None) -> list[Path]:
    """The seed pages, and the unseen shared corpus when it is here (the properties hold on the seeds alone too)."""
    return sorted(seeds.glob("*.txt")) + (sorted(corpus.glob("*.txt")) if corpus is not None else [])


def _found_on_pages(pages: list[Path]):
    for path in pages:
        result = extract_text(path.read_text(encoding="utf-8", errors="replace"))
        for article in result.articles:
            for initiative in article.initiatives:
                yield result.text, initiative


@pytest.fixture(scope="module")
def page_initiatives(seeds_dir, shared):
    found = list(_found_on_pages(_pages(seeds_dir, shared.find("corpus"))))
    assert found
    return found


def _outside_quotes(name: str) -> str:
    return re.sub(r"“[^“”]*”|‘[^‘’]*’", "", name)


def test_every_name_has_balanced_quotation_marks(page_initiatives):
    bad = [i.name for _, i in page_initiatives if i.name.count("“") != i.name.count("”") or i.name.count("‘") != i.name.count("’")]
    assert not bad


def test_no_name_outside_title_marks_holds_a_count(page_initiatives):
    count = _knowledge().count
    bad = [i.name for _, i in page_initiatives if not i.name.startswith("《") and count.search(_outside_quotes(i.name))]
    assert not bad


def test_every_name_starts_at_a_clause_mark_or_right_after_a_cut(page_initiatives):
    cuts = _knowledge().cuts
    bad = []
    for text, initiative in page_initiatives:
        start = initiative.evidence.start
        before = text[max(0, start - 8) : start]
        at_mark = not before or not re.match(r"[\u4e00-\u9fffA-Za-z0-9]", before[-1])
        if not (at_mark or initiative.name[0] in "“‘《" or cuts.last(before)[0] == len(before)):
            bad.append((before, initiative.name))
    assert not bad


def test_no_name_starts_with_a_reference(page_initiatives):
    references = tuple(DATA["name_start"]["references"])
    assert not [i.name for _, i in page_initiatives if i.name.startswith(references)]


def test_every_candidate_is_bounded_whatever_the_text():
    # Linearity: a text of nothing but kind words and name characters gives candidates no
    # longer than a name plus what may stand before a quotation, however long the text is.
    text = "据悉，" + "平台服务项目" * 2000 + "“一站式”服务" * 500
    longest = max(len(c.text) for c in _candidates(text, 0, len(text), _knowledge()))
    assert longest <= _MAX_NAME + 30


# --- designations and companies' projects ------------------------------------------------------


def _candidate_texts(sentence: str) -> str:
    known = _knowledge()
    return "\x00".join(c.text for c in _candidates(sentence, 0, len(sentence), known))


def test_a_title_the_zone_receives_is_found_as_a_candidate_and_dropped_as_a_designation():
    # Each name ends in a kind word, so the shapes find it; only the designation filter drops it
    # (a level of government before a base or a pilot park, a verb of receiving before it, or the
    # zone named before the verb). The measure the zone runs, in the same sentence, stays.
    sentence = "园区入选国家级服务业标准化试点园区，获批省级人才服务平台，并启动人才服务提升工程。"
    candidates = _candidate_texts(sentence)
    assert "国家级服务业标准化试点园区" in candidates and "省级人才服务平台" in candidates
    found = _names(sentence)
    assert not any("试点园区" in name or "人才服务平台" in name for name in found), found
    assert "人才服务提升工程" in found, found
    assert "红山产业园" not in _names("红山产业园获评国家级绿色工业园区。")
    assert "红山产业园" in _candidate_texts("红山产业园获评国家级绿色工业园区。")


def test_a_companys_project_is_found_as_a_candidate_and_dropped_as_the_companys():
    # The project's name starts with the words before 集团 elsewhere in the article.
    sentence = "正威国际集团在经开区投资建设正威国际新材料项目。"
    assert "正威国际新材料项目" in _candidate_texts(sentence)
    assert _names(sentence) == {}
    # The same words with no company named in the article: a name like any other.
    assert "正威国际新材料项目" in _names("经开区投资建设正威国际新材料项目。")
    # A project that builds a park for the zone stays the zone's, whoever invests.
    shared = "航天联志技术有限公司与高新区共建航天联志内江先进算力产业园项目。"
    assert "航天联志内江先进算力产业园项目" in _names(shared)


def test_a_measure_belongs_to_the_zone_named_before_it_in_its_sentence():
    sentence = "从长子经开区的“上门审批”到襄垣经开区的“包联服务”，各开发区持续优化营商环境。"
    owners = {i.name: i.park for article in extract_text(sentence).articles for i in article.initiatives}
    assert owners.get("“上门审批”") == "长子经开区" and owners.get("“包联服务”") == "襄垣经开区", owners


def test_a_measure_named_again_in_full_is_one_measure():
    # The short name comes first, so the search in names found so far cannot catch it; the fuller name stands for both.
    found = _names("南昌实验室将服务全省企业。园区近日开工南昌实验室项目。")
    assert "南昌实验室项目" in found and "南昌实验室" not in found, found
    found = _names("园区推行“并联审批”。其中，工程规划施工许可“并联审批”已全面推开。")
    assert len([name for name in found if "并联审批" in name]) == 1, found


def test_a_zone_named_across_the_start_of_a_name_is_no_owner():
    # The parks module may read 方正抓紧实施保税港区 as a zone; it straddles the name's start, so the zone named before it owns the works.
    # (A phase of works, 保税港区一期工程, is a construction and no initiative: initiatives.toml not_heads.)
    text = "洋浦保税港区是海南开放的龙头。省方正抓紧实施保税港区通关监管改革，确保年内封关。"
    owners = {i.name: i.park for article in extract_text(text).articles for i in article.initiatives}
    assert owners.get("保税港区通关监管改革") == "洋浦保税港区", owners


def test_a_session_of_a_state_body_is_no_event_but_an_event_about_one_is():
    # Sessions of people's congresses and the Party calendar's meetings are held by law, not launched:
    # no name at all comes out of them, whatever the words before.
    sentence = "认真贯彻中央经济工作会议精神，落实杭州市滨江区第四届人民代表大会第四次会议和区四届人大三次会议部署。"
    assert not [name for name in _names(sentence) if name.endswith("会议")], _names(sentence)
    # Only the words outside quotation marks and the head say it: an activity about deputies is a program.
    assert "“人大代表进园区”活动" in _names("区人大常委会推动开展“人大代表进园区”活动。")
    assert "玉林市经济高质量发展大会" in _names("近日，玉林市经济高质量发展大会召开。")


def test_a_name_seen_again_is_not_trimmed_again(monkeypatch):
    """A candidate that lies whole inside a name already found is passed over before _trim (its name would be a
    part of it, skipped all the same); one that a quotation before 的 could stretch back is still trimmed."""
    from extractor.backends.rules import initiatives

    trimmed: list[str] = []
    real_trim = initiatives._trim
    monkeypatch.setattr(initiatives, "_trim", lambda candidate, *rest: trimmed.append(candidate.text) or real_trim(candidate, *rest))
    text = "《人才引进办法》出台后，《人才引进办法》再次修订。“英才计划”引进人才。“英才计划”成效明显。"
    names = [i.name for i in initiatives.extract_initiatives(text, 0, len(text), "")]
    assert names.count("“英才计划”") == 1 and names.count("《人才引进办法》") == 1, names
    assert trimmed.count("“英才计划”") == 1 and trimmed.count("《人才引进办法》") == 1, trimmed  # each named twice, trimmed once
    assert initiatives._inside_found(initiatives._Candidate(0, "“英才计划”", "quoted", True), "“英才计划”", "\x00“英才计划”")
    near_de = "“小政府”的改革"  # 的 before the name: _trim may reach back to the quotation, past the candidate's start
    assert not initiatives._inside_found(initiatives._Candidate(5, "改革", "named", False), near_de, "\x00“小政府”的改革")
