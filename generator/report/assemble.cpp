// The pack as one document, and the body's references to its appendices.
#include <algorithm>
#include <cctype>

#include "model/facts.hpp"
#include "model/ids.hpp"
#include "model/make.hpp"
#include "model/text.hpp"
#include "model/walk.hpp"
#include "refs/refs.hpp"
#include "report/report.hpp"

namespace protopub::report {
namespace {

using model::Inline;
using model::InlineKind;
using model::Inlines;

using model::make::paragraph;
using model::make::strong_paragraph;
using model::make::text;

// A two-column table of the filled-in fields (label, value), as report templates lay out
// the cover and the summary box.
model::Block field_table(const std::vector<std::pair<std::string, std::string>>& fields) {
    model::Block b;
    b.kind = model::BlockKind::table;
    for (const auto& [label, value] : fields) {
        if (value.empty()) continue;
        model::TableRow row;
        row.cells.push_back({{model::make::marked(InlineKind::strong, label)}});
        row.cells.push_back({{text(value)}});
        b.rows.push_back(std::move(row));
    }
    return b;
}

std::string appendix_key(int number) { return "appendix-" + std::to_string(number); }

bool is_number_char(char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }

// Finds "Appendix N" in the body's words, and "paragraph(s) X [to Y] of Appendix N" (also
// "clause", "section"), checks that the appendix (and the clause in it) exists, and turns
// the words into a reference to it, linked like any other.
class AppendixLinker {
public:
    AppendixLinker(model::Protocol& body, const std::vector<Appendix>& appendices, model::Diagnostics& diags)
        : body_(body), appendices_(appendices), diags_(diags) {}

    void run() {
        model::for_each_inlines(body_, [&](Inlines& list) { link(list); });
    }

private:
    struct Cited {
        std::size_t begin = 0, end = 0;  // the words to link, in the text inline
        int appendix = 0;
        std::size_t appendix_at = 0;                               // where "Appendix" is written
        std::vector<std::pair<std::string, std::size_t>> numbers;  // cited clause numbers, with their offsets
        bool range = false;
    };

    // Where each stretch of a joined text starts in the source: a citation may run over a
    // line break ("paragraph 24.5 of" / "Appendix 2").
    struct Piece {
        std::size_t offset = 0;
        model::SourcePos pos;
    };
    using Pieces = std::vector<Piece>;

    static model::SourcePos pos_at(const Pieces& pieces, std::size_t offset) {
        const Piece* found = nullptr;
        for (const auto& p : pieces)
            if (p.offset <= offset) found = &p;
        if (!found || !found->pos.known()) return {};
        return {found->pos.line, found->pos.column + static_cast<std::uint32_t>(offset - found->offset)};
    }

    // The pieces of what is left after `offset`.
    static Pieces after(const Pieces& pieces, std::size_t offset) {
        Pieces out{{0, pos_at(pieces, offset)}};
        for (const auto& p : pieces)
            if (p.offset > offset) out.push_back({p.offset - offset, p.pos});
        return out;
    }

    void link(Inlines& list) {
        // Text and line breaks between words are joined (a break reads as a space).
        Inlines joined;
        std::vector<Pieces> pieces;
        for (auto& in : list) {
            const bool words = in.kind == InlineKind::text || in.kind == InlineKind::soft_break;
            if (words && !joined.empty() && joined.back().kind == InlineKind::text && !pieces.back().empty()) {
                if (in.kind == InlineKind::text) pieces.back().push_back({joined.back().text.size(), in.pos});
                joined.back().text += in.kind == InlineKind::text ? in.text : " ";
                continue;
            }
            if (in.kind == InlineKind::text)
                pieces.push_back({{0, in.pos}});
            else
                pieces.emplace_back();
            joined.push_back(std::move(in));
        }
        list = std::move(joined);
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (list[i].kind != InlineKind::text) {
                if (list[i].kind != InlineKind::reference && list[i].kind != InlineKind::link) link(list[i].children);
                continue;
            }
            auto cited = find(list[i].text);
            if (!cited) continue;
            const Pieces here = pieces[i];
            Inline before = text(list[i].text.substr(0, cited->begin));
            Inline rest = text(list[i].text.substr(cited->end));
            before.pos = pos_at(here, 0);
            rest.pos = pos_at(here, cited->end);
            Inline ref = make_reference(list[i].text, *cited, here);
            list[i] = std::move(rest);
            pieces[i] = after(here, cited->end);
            list.insert(list.begin() + static_cast<std::ptrdiff_t>(i), std::move(ref));
            list.insert(list.begin() + static_cast<std::ptrdiff_t>(i), std::move(before));
            pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(i), 2, Pieces{});
            i += 1;  // the rest of the text is looked at next
        }
    }

    // The first citation of an appendix in `s`.
    static std::optional<Cited> find(const std::string& s) {
        for (std::size_t a = s.find("Appendix "); a != std::string::npos; a = s.find("Appendix ", a + 1)) {
            if (a > 0 && std::isalnum(static_cast<unsigned char>(s[a - 1]))) continue;
            std::size_t e = a + 9;
            while (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e]))) ++e;
            if (e == a + 9 || (e < s.size() && std::isalnum(static_cast<unsigned char>(s[e])))) continue;
            Cited c;
            c.begin = a;
            c.end = e;
            c.appendix_at = a;
            c.appendix = std::atoi(s.substr(a + 9, e - a - 9).c_str());
            clause_words(s, c);
            return c;
        }
        return std::nullopt;
    }

    // "paragraphs 4.1 to 4.3 of " just before "Appendix N": the clauses cited in it.
    static void clause_words(const std::string& s, Cited& c) {
        static const std::string of = " of ";
        if (c.appendix_at < of.size() || s.compare(c.appendix_at - of.size(), of.size(), of) != 0) return;
        const std::size_t list_end = c.appendix_at - of.size();
        std::size_t k = list_end;
        std::vector<std::pair<std::string, std::size_t>> numbers;
        bool range = false;
        // Back over "4.1, 4.3 to 4.5 and 4.7": numbers, commas, spaces, "to", "and".
        while (k > 0) {
            std::size_t w = k;
            while (w > 0 && s[w - 1] == ' ') --w;
            std::size_t b = w;
            while (b > 0 && s[b - 1] != ' ') --b;
            std::string word = s.substr(b, w - b);
            while (!word.empty() && word.back() == ',') word.pop_back();
            if (!word.empty() && std::all_of(word.begin(), word.end(), is_number_char) &&
                std::isdigit(static_cast<unsigned char>(word[0]))) {
                numbers.insert(numbers.begin(), {model::number_without_dots(word), b});
            } else if (word == "to" || word == "and") {
                range |= word == "to";
            } else {
                std::string lower;
                std::size_t lead = 0;  // "(paragraph"
                while (lead < word.size() && !std::isalpha(static_cast<unsigned char>(word[lead]))) ++lead;
                for (char ch : word.substr(lead))
                    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                static const char* keywords[] = {"paragraph", "paragraphs", "para",    "paras",
                                                 "clause",    "clauses",    "section", "sections"};
                if (!numbers.empty() &&
                    std::find(std::begin(keywords), std::end(keywords), lower) != std::end(keywords)) {
                    c.begin = b + lead;
                    c.numbers = std::move(numbers);
                    c.range = range;
                }
                return;
            }
            k = b;
        }
    }

    // The clause numbered `number` in an appendix's document (its current text: not a
    // deleted clause, nor the old place of a moved one): its id in the pack, or "".
    static std::string clause_id(const Appendix& a, const std::string& number) {
        for (const auto& s : a.document.sections) {
            if (model::number_without_dots(s.number.text) == number && s.change.kind != model::ChangeKind::deleted)
                return appendix_key(a.number) + "-" + s.id;
            for (const auto& c : s.clauses)
                if (model::number_without_dots(c.number.text) == number &&
                    c.change.kind != model::ChangeKind::deleted && !c.change.moved_from)
                    return appendix_key(a.number) + "-" + c.id;
        }
        return {};
    }

    Inline make_reference(const std::string& words, const Cited& c, const Pieces& pos) {
        model::Reference ref;
        ref.kind = model::ReferenceKind::internal;
        ref.text = words.substr(c.begin, c.end - c.begin);
        ref.pos = pos_at(pos, c.begin);
        ref.document = "Appendix " + std::to_string(c.appendix);
        ref.is_range = c.range;
        const Appendix* appendix = nullptr;
        for (const auto& a : appendices_)
            if (a.number == c.appendix) appendix = &a;
        if (!appendix) {
            diags_.error(body_.source_path, pos_at(pos, c.appendix_at),
                         "'" + ref.text + "' points nowhere: the report has " +
                             (appendices_.empty()       ? std::string("no appendices")
                              : appendices_.size() == 1 ? std::string("one appendix")
                                                        : std::to_string(appendices_.size()) + " appendices"));
        } else if (c.numbers.empty()) {
            ref.targets.push_back(
                {std::to_string(c.appendix), appendix_key(c.appendix), pos_at(pos, c.appendix_at), false});
            ref.resolved = true;
        } else {
            ref.resolved = true;
            for (std::size_t n = 0; n < c.numbers.size(); ++n) {
                const auto& [number, offset] = c.numbers[n];
                model::ReferenceTarget t;
                t.number = number;
                t.pos = pos_at(pos, offset);
                t.range_end = c.range && n > 0;
                t.clause_id = appendix->drawn ? clause_id(*appendix, number) : "";
                if (t.clause_id.empty()) {
                    ref.resolved = false;
                    diags_.error(body_.source_path, t.pos,
                                 "'" + ref.text + "' points nowhere: Appendix " + std::to_string(c.appendix) + " (" +
                                     appendix->title + ") has no " +
                                     (appendix->drawn ? "paragraph " + number : "numbered paragraphs"));
                }
                ref.targets.push_back(std::move(t));
            }
        }
        Inline in;
        in.kind = InlineKind::reference;
        in.pos = ref.pos;
        in.children = {text(ref.text)};
        in.children.front().pos = ref.pos;
        in.reference = static_cast<int>(body_.references.size());
        body_.references.push_back(std::move(ref));
        return in;
    }

    model::Protocol& body_;
    const std::vector<Appendix>& appendices_;
    model::Diagnostics& diags_;
};

}  // namespace

model::Protocol assemble(const ReportSource& source, const std::vector<Appendix>& appendices,
                         model::Diagnostics& diags) {
    const Cover& c = source.cover;
    model::Protocol whole;
    whole.source_path = source.path;
    whole.meta.title = c.title;
    whole.meta.council = c.council;
    for (const auto& a : appendices)
        if (whole.meta.council.empty() && a.drawn) whole.meta.council = a.document.meta.council;
    whole.meta.version = c.version;
    whole.meta.status = model::Status::draft;

    whole.sections.push_back(model::make::section("cover", "Report to " + c.committee,
                                                  {field_table({{"To", c.committee},
                                                                {"Date", model::date_in_words(c.date)},
                                                                {"Item No", c.item},
                                                                {"Report of", c.report_of},
                                                                {"Title of Report", c.title},
                                                                {"Wards affected", c.wards},
                                                                {"Key decision", c.key_decision}})}));

    std::vector<model::Block> summary = {field_table({{"Purpose of report", c.purpose},
                                                      {"Report approved by", c.approved_by},
                                                      {"Finance", c.finance},
                                                      {"Legal", c.legal},
                                                      {"Equalities", c.equalities},
                                                      {"Policy Framework", c.policy}})};
    if (!c.recommendations.empty()) {
        summary.push_back(strong_paragraph(c.recommendations.size() == 1 ? "Recommendation" : "Recommendations"));
        model::Block list;
        list.kind = model::BlockKind::list;
        list.list_style = model::ListStyle::ordered;
        for (std::size_t i = 0; i < c.recommendations.size(); ++i) {
            model::ListItem item;
            item.label = std::to_string(i + 1) + ".";
            item.blocks.push_back(paragraph({text(c.recommendations[i])}));
            list.items.push_back(std::move(item));
        }
        summary.push_back(std::move(list));
    }
    if (summary.front().rows.empty()) summary.erase(summary.begin());
    whole.sections.push_back(model::make::section("summary", "Summary and Recommendations", std::move(summary)));

    // The body: its own references resolved, then those into the appendices.
    model::Protocol body = source.body;
    refs::resolve_references(body, diags);
    AppendixLinker(body, appendices, diags).run();
    model::move_references(body, whole);
    for (auto& s : body.sections) whole.sections.push_back(std::move(s));

    std::string papers;
    for (const auto& p : c.background_papers) papers += (papers.empty() ? "" : "; ") + p;
    std::string contact = c.author;
    if (!c.contact.empty()) contact += (contact.empty() ? "" : ", ") + c.contact;
    auto details = field_table({{"Name and contact details of author", contact},
                                {"Background papers", papers.empty() ? std::string("None") : papers},
                                {"Version number", c.version}});
    whole.sections.push_back(
        model::make::section("contact", "Contact details and background papers", {std::move(details)}));

    for (const auto& a : appendices) {
        const std::string key = appendix_key(a.number);
        const std::string heading = "Appendix " + std::to_string(a.number) + ": " + a.title;
        std::vector<model::Block> intro;
        if (!a.drawn) {
            Inline file;
            file.kind = InlineKind::link;
            file.target = a.file_name;  // beside the report
            file.children = {text(a.file_name)};
            intro.push_back(paragraph({text("Published as a separate file: "), file}));
        }
        model::Section head = model::make::section(key, heading, std::move(intro));
        head.running_head = heading;
        whole.sections.push_back(std::move(head));
        if (!a.drawn) continue;
        model::Protocol doc = a.document;
        model::prefix_ids(doc, key);
        for (auto& s : doc.sections) s.level += 1;
        model::move_references(doc, whole);
        for (auto& s : doc.sections) whole.sections.push_back(std::move(s));
    }
    return whole;
}

}  // namespace protopub::report
