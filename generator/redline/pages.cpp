#include "redline/pages.hpp"

#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "html/template.hpp"
#include "html/writer.hpp"
#include "model/facts.hpp"
#include "model/ids.hpp"

namespace protopub::redline {

namespace {

// The two ends of a move, a split or a merge link to each other in the margin: "moved to
// 7.4" / "moved from 5.2", "split; continues at 4.4" / "split from 4.3", "merged with former
// 4.4" / "merged into 4.3".
std::string regroup_note(const model::Clause& self, const model::Clause& other) {
    using model::ChangeKind;
    const std::string& n = other.number.text;
    switch (self.change.kind) {
        case ChangeKind::moved: return (self.change.moved_from ? "moved to " : "moved from ") + n;
        case ChangeKind::split: return "split; continues at " + n;
        case ChangeKind::merged: return "merged with former " + n;
        case ChangeKind::inserted: return other.change.kind == ChangeKind::split ? "split from " + n : "";
        case ChangeKind::deleted: return other.change.kind == ChangeKind::merged ? "merged into " + n : "";
        default: return "";
    }
}

// Every clause of the redline by id: the model outlives the page, so its ids are the keys.
using ClausesById = std::unordered_map<std::string_view, const model::Clause*>;

void add_counterpart_link(pugi::xml_node div, const ClausesById& by_id) {
    auto self = by_id.find(div.attribute("id").value());
    if (self == by_id.end() || self->second->change.counterpart_id.empty()) return;
    auto other = by_id.find(self->second->change.counterpart_id);
    if (other == by_id.end()) return;
    const std::string label = regroup_note(*self->second, *other->second);
    if (label.empty()) return;
    pugi::xml_node a = div.child("span").append_child("a");
    a.append_attribute("class").set_value("move-link");
    a.append_attribute("href").set_value(("#" + other->second->id).c_str());
    a.append_child(pugi::node_pcdata).set_value(label.c_str());
}

// The number of a clause that NEW no longer has there (deleted, or the old place of a
// moved clause) is struck as its words are, and is not a permanent link: that anchor
// ("p-4.3") belongs to the clause NEW numbers so.
bool number_gone(pugi::xml_node div) {
    return std::string_view(div.attribute("data-change").value()) == "deleted" ||
           (" " + std::string(div.attribute("class").value()) + " ").find(" moved-from ") != std::string::npos;
}

void strike_old_number(pugi::xml_node div) {
    pugi::xml_node slot = div.child("span");
    pugi::xml_node link = slot.child("a");
    if (!link || !link.attribute("id")) return;  // no number (a move link is no number)
    const std::string number = link.text().get();
    pugi::xml_node del = slot.insert_child_before("del", link);
    del.append_attribute("class").set_value("old-number");
    pugi::xml_node announced = del.append_child("span");
    announced.append_attribute("class").set_value("sr-only");
    announced.append_child(pugi::node_pcdata).set_value("deleted number ");
    del.append_child(pugi::node_pcdata).set_value(number.c_str());
    slot.remove_child(link);
}

model::Inline plain(std::string words) {
    model::Inline in;
    in.text = std::move(words);
    return in;
}

model::Inline marked(model::InlineKind mark, std::string words) {
    model::Inline in;
    in.kind = mark;
    in.children = {plain(std::move(words))};
    return in;
}

// A section's number as the redline shows it: inserted or deleted with the section (or
// at either end of its move), or the old number struck beside the new one; nothing to
// do for an unchanged number.
std::optional<model::Inlines> marked_number(const model::Section& s) {
    using model::InlineKind;
    if (s.change.moved_from) return model::Inlines{marked(InlineKind::deleted, s.number.text)};
    switch (s.change.kind) {
        case model::ChangeKind::inserted:
        case model::ChangeKind::moved: return model::Inlines{marked(InlineKind::inserted, s.number.text)};
        case model::ChangeKind::deleted: return model::Inlines{marked(InlineKind::deleted, s.number.text)};
        default: break;
    }
    if (s.change.old_number.empty()) return std::nullopt;
    return model::Inlines{marked(InlineKind::deleted, s.change.old_number), plain(" "),
                          marked(InlineKind::inserted, s.number.text)};
}

// Links cannot nest: a heading's references and links are drawn as their words in the
// contents, which is itself a list of links.
model::Inlines without_links(model::Inlines inlines) {
    model::Inlines out;
    for (model::Inline& in : inlines) {
        in.children = without_links(std::move(in.children));
        if (in.kind == model::InlineKind::link || in.kind == model::InlineKind::reference) {
            for (model::Inline& child : in.children) out.push_back(std::move(child));
        } else {
            out.push_back(std::move(in));
        }
    }
    return out;
}

std::unordered_map<std::string, const model::Section*> changed_sections(const model::Protocol& redline) {
    std::unordered_map<std::string, const model::Section*> out;
    for (const auto& s : redline.sections)
        if (s.change.kind != model::ChangeKind::none && s.change.kind != model::ChangeKind::unchanged)
            out.emplace(s.id, &s);
    return out;
}

void replace_number(pugi::xml_node span, const model::Section& s, const model::Protocol& redline) {
    if (!span) return;
    const auto number = marked_number(s);
    if (!number) return;
    while (span.first_child()) span.remove_child(span.first_child());
    html::append_inlines(span, *number, redline);
}

// The two ends of a moved section link to each other after its heading, as a moved
// clause's do: "moved to section 6" / "moved from section 4".
void add_section_move_link(pugi::xml_node heading, const model::Section& s, const model::Protocol& redline) {
    if (s.change.kind != model::ChangeKind::moved || s.change.counterpart_id.empty() || !heading) return;
    for (const auto& other : redline.sections) {
        if (other.id != s.change.counterpart_id) continue;
        const std::string where = other.number.text.empty()
                                      ? model::section_name(other)
                                      : "section " + model::number_without_dots(other.number.text);
        const std::string label = (s.change.moved_from ? "moved to " : "moved from ") + where;
        heading.append_child(pugi::node_pcdata).set_value(" ");
        pugi::xml_node a = heading.append_child("a");
        a.append_attribute("class").set_value("move-link");
        a.append_attribute("href").set_value(("#" + other.id).c_str());
        a.append_child(pugi::node_pcdata).set_value(label.c_str());
        return;
    }
}

// A changed section is marked as a changed clause is (class, data-change, a change bar
// beside its heading) and its number shows the change.
void mark_section(pugi::xml_node section, const model::Section& s, const model::Protocol& redline) {
    const char* kind = model::to_string(s.change.kind);
    html::add_class(section, std::string("change-") + kind);
    if (s.change.moved_from) html::add_class(section, "moved-from");
    section.append_attribute("data-change").set_value(kind);
    replace_number(section.first_child().child("span"), s, redline);
    add_section_move_link(section.first_child(), s, redline);
}

// The page's changed clauses (each a div with data-change, as every clause whose number is
// gone is) and changed sections, found in one walk. The clauses are marked first, as they
// always were: an untitled section's first child may be its first clause.
void mark_changes(pugi::xml_node body, const model::Protocol& redline) {
    ClausesById clauses;
    for (const auto& s : redline.sections)
        for (const auto& c : s.clauses) clauses.emplace(c.id, &c);
    const auto sections = changed_sections(redline);
    const auto is_div = [](pugi::xml_node n) { return std::strcmp(n.name(), "div") == 0; };
    const std::vector<pugi::xml_node> changed = html::elements(body, nullptr, [&](pugi::xml_node n) {
        if (is_div(n)) return !!n.attribute("data-change");
        return std::strcmp(n.name(), "section") == 0 && sections.count(n.attribute("id").value()) > 0;
    });
    for (pugi::xml_node div : changed) {
        if (!is_div(div)) continue;
        add_counterpart_link(div, clauses);
        if (number_gone(div)) strike_old_number(div);
    }
    for (pugi::xml_node section : changed)
        if (!is_div(section)) mark_section(section, *sections.at(section.attribute("id").value()), redline);
}

// The contents name a changed section with its heading's changes marked.
void mark_contents(pugi::xml_node contents, const model::Protocol& redline) {
    const auto changed = changed_sections(redline);
    for (pugi::xml_node a : html::elements(contents, "a", [](pugi::xml_node n) { return !!n.attribute("href"); })) {
        const std::string href = a.attribute("href").value();
        auto it = href.empty() ? changed.end() : changed.find(href.substr(1));
        if (it == changed.end()) continue;
        const model::Section& s = *it->second;
        pugi::xml_node number = a.child("span");
        replace_number(number, s, redline);
        if (s.heading.empty()) continue;
        while (a.last_child() && a.last_child() != number) a.remove_child(a.last_child());
        if (number) a.append_child(pugi::node_pcdata).set_value(" ");
        html::append_inlines(a, without_links(s.heading), redline);
    }
}

// "2 amended, 1 inserted, 7 renumbered." (clauses, not schedule rows)
std::string summary_line(const ChangeSet& changes) {
    std::string out;
    for (auto kind :
         {model::ChangeKind::amended, model::ChangeKind::inserted, model::ChangeKind::deleted, model::ChangeKind::moved,
          model::ChangeKind::split, model::ChangeKind::merged, model::ChangeKind::renumbered})
        if (const int n = changes.count(kind))
            out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + model::to_string(kind);
    const std::pair<Part, const char*> parts[] = {{Part::section, " section"},
                                                  {Part::introduction, " introduction"},
                                                  {Part::front_matter, " front-matter field"}};
    for (const auto& [part, noun] : parts)
        if (const int n = changes.count(part))
            out += (out.empty() ? "" : ", ") + std::to_string(n) + noun + (n == 1 ? "" : "s") + " changed";
    return out.empty() ? "No changes." : out + ".";
}

}  // namespace

bool render_html(const HtmlPages& pages, const std::string& templates_dir, io::OutputSet& out,
                 model::Diagnostics& diags) {
    auto templates = html::TemplateSet::load(templates_dir, diags);
    if (!templates) return false;

    html::Context ctx = html::protocol_context(*pages.redline);
    const model::Protocol& redline = *pages.redline;
    html::MarkupFn body = ctx["body"].markup_fn;
    ctx["body"] = html::Value::markup([body, &redline](pugi::xml_node parent) {
        body(parent);
        mark_changes(parent, redline);
    });
    html::MarkupFn contents = ctx["contents"].markup_fn;
    ctx["contents"] = html::Value::markup([contents, &redline](pugi::xml_node parent) {
        contents(parent);
        mark_contents(parent, redline);
    });
    // The title page with the front matter's changes marked (plain words where none).
    const model::Metadata& meta = redline.meta;
    auto words = [&redline](const model::Inlines& marked, const std::string& plain) {
        return html::Value::markup([&redline, &marked, plain](pugi::xml_node parent) {
            if (marked.empty())
                parent.append_child(pugi::node_pcdata).set_value(plain.c_str());
            else
                html::append_inlines(parent, marked, redline);
        });
    };
    ctx["marked_title"] = words(meta.marked_title, meta.title);
    ctx["marked_council"] = words(meta.marked_council, meta.council);
    ctx["title_page"] = html::Value::markup([&redline](pugi::xml_node dl) {
        for (const model::TitleLine& line : model::title_lines(redline.meta)) {
            pugi::xml_node row = dl.append_child("div");
            if (line.change != model::ChangeKind::unchanged)
                row.append_attribute("class").set_value(
                    (std::string("change-") + model::to_string(line.change)).c_str());
            row.append_child("dt").append_child(pugi::node_pcdata).set_value(line.label.c_str());
            html::append_inlines(row.append_child("dd"), line.words, redline);
        }
    });
    ctx["old_version"] = pages.old->meta.version;
    ctx["new_version"] = pages.new_->meta.version;
    ctx["old_path"] = pages.old->source_path;
    ctx["new_path"] = pages.new_->source_path;
    ctx["summary"] = summary_line(*pages.changes);
    ctx["change_count"] = std::to_string(pages.rows->size());
    std::vector<html::Context> rows;
    for (const auto& r : *pages.rows)
        rows.push_back({{"old_number", r.old_number},
                        {"new_number", !r.new_number.empty()                         ? r.new_number
                                       : r.kind.find("deleted") != std::string::npos ? "(deleted)"
                                                                                     : "\u2014"},
                        {"kind", r.kind},
                        {"summary", r.summary},
                        {"href", "#" + r.anchor}});
    ctx["changes"] = html::Value::list(std::move(rows));

    std::string redline_page = templates->render_page("redline", ctx, diags);
    std::string schedule_page = templates->render_page("protocol", html::protocol_context(*pages.schedule), diags);
    if (redline_page.empty() || schedule_page.empty()) return false;
    out.add("redline.html", std::move(redline_page));
    out.add("schedule.html", std::move(schedule_page));
    templates->add_linked_assets(out);
    return true;
}

}  // namespace protopub::redline
