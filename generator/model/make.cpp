#include "model/make.hpp"

namespace protopub::model::make {

Inline text(const std::string& words) {
    Inline in;
    in.text = words;
    return in;
}

Inline marked(InlineKind kind, const std::string& words) {
    Inline in;
    in.kind = kind;
    in.children.push_back(text(words));
    return in;
}

Inline link(const std::string& words, const std::string& target) {
    Inline in = marked(InlineKind::link, words);
    in.target = target;
    return in;
}

Block paragraph(Inlines inlines) {
    Block b;
    b.inlines = std::move(inlines);
    return b;
}

Block strong_paragraph(const std::string& words) { return paragraph({marked(InlineKind::strong, words)}); }

Block bullets(const std::vector<std::string>& items) {
    Block b;
    b.kind = BlockKind::list;
    for (const auto& words : items) {
        ListItem item;
        item.blocks.push_back(paragraph({text(words)}));
        b.items.push_back(std::move(item));
    }
    return b;
}

Block table(const std::vector<std::vector<std::string>>& rows) {
    Block b;
    b.kind = BlockKind::table;
    for (const auto& cells : rows) {
        TableRow row;
        row.header = b.rows.empty();
        for (const auto& c : cells) row.cells.push_back({{text(c)}});
        b.rows.push_back(std::move(row));
    }
    return b;
}

Section section(const std::string& id, const std::string& heading, std::vector<Block> intro) {
    Section s;
    s.id = id;
    s.id_given = true;
    s.heading = {text(heading)};
    s.intro = std::move(intro);
    return s;
}

}  // namespace protopub::model::make
