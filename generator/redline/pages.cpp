#include "redline/pages.hpp"

#include <unordered_map>

#include "html/template.hpp"
#include "html/writer.hpp"

namespace protopub::redline {

namespace {

// Each end of a move links to the other ("moved to 7.4" / "moved from 5.2").
void add_move_links(pugi::xml_node body, const model::Protocol& redline) {
    std::unordered_map<std::string, const model::Clause*> by_id;
    for (const auto& s : redline.sections)
        for (const auto& c : s.clauses) by_id.emplace(c.id, &c);
    for (const pugi::xpath_node& found : body.select_nodes(".//div[@data-change='moved']")) {
        pugi::xml_node div = found.node();
        auto self = by_id.find(div.attribute("id").value());
        if (self == by_id.end()) continue;
        auto other = by_id.find(self->second->change.counterpart_id);
        if (other == by_id.end()) continue;
        const bool from = self->second->change.moved_from;
        pugi::xml_node a = div.child("span").append_child("a");
        a.append_attribute("class").set_value("move-link");
        a.append_attribute("href").set_value(("#" + other->second->id).c_str());
        const std::string label = (from ? "moved to " : "moved from ") + other->second->number.text;
        a.append_child(pugi::node_pcdata).set_value(label.c_str());
    }
}

// "2 amended, 1 inserted, 7 renumbered." (clauses, not schedule rows)
std::string summary_line(const ChangeSet& changes) {
    std::string out;
    for (auto kind : {model::ChangeKind::amended, model::ChangeKind::inserted, model::ChangeKind::deleted,
                      model::ChangeKind::moved, model::ChangeKind::split, model::ChangeKind::merged,
                      model::ChangeKind::renumbered})
        if (const int n = changes.count(kind))
            out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + model::to_string(kind);
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
        add_move_links(parent, redline);
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
                        {"new_number", r.new_number.empty() ? "(deleted)" : r.new_number},
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
