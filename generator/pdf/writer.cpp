#include "pdf/writer.hpp"

#include <hpdf.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <memory>

#include "layout/flow.hpp"

namespace protopub::pdf::detail {

namespace {

// libharu reports errors through a callback; remember the first and carry on, the
// caller turns it into a diagnostic.
struct ErrorSink {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* data) {
    auto* sink = static_cast<ErrorSink*>(data);
    if (sink->code == HPDF_OK) {
        sink->code = code;
        sink->detail = detail;
    }
}

struct DocDeleter {
    void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using Doc = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter>;

HPDF_Date to_pdf_date(std::int64_t epoch) {
    const std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    HPDF_Date d{};
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    d.hour = tm.tm_hour;
    d.minutes = tm.tm_min;
    d.seconds = tm.tm_sec;
    d.ind = 'Z';
    return d;
}

// Each face is embedded twice over: as a one-byte font in Windows-1252 (which has
// curly quotes, dashes, the pound sign and Western accents) and as a two-byte Unicode
// font for anything else. Most text takes the one-byte form, which makes content
// streams a third of the size (and much faster to compress).
struct FaceFonts {
    HPDF_Font cp1252 = nullptr;
    HPDF_Font unicode = nullptr;
};

// `text` in Windows-1252, or false when a character is not in it.
bool to_cp1252(const std::string& text, std::string& out) {
    static const char32_t high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    out.clear();
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = layout::next_code_point(text, i);
        if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) {
            out += static_cast<char>(c);
            continue;
        }
        const auto* at = std::find(std::begin(high), std::end(high), c);
        if (c == 0 || at == std::end(high)) return false;
        out += static_cast<char>(0x80 + (at - std::begin(high)));
    }
    return true;
}

class PageWriter {
public:
    PageWriter(HPDF_Page page, double height, const std::map<layout::Face, FaceFonts>& fonts,
               const layout::FontSet& metrics)
        : page_(page), height_(height), fonts_(fonts), metrics_(metrics) {}

    void draw(const layout::Page& content) {
        for (const auto& placed : content.boxes)
            for (const auto& f : placed.box.fills) fill(placed, f);
        HPDF_Page_BeginText(page_);
        for (const auto& placed : content.boxes)
            for (const auto& t : placed.box.texts) text(placed, t);
        HPDF_Page_EndText(page_);
        for (const auto& placed : content.boxes)
            for (const auto& r : placed.box.rules)
                rule(placed.x + r.x1, placed.y + r.y1, placed.x + r.x2, placed.y + r.y2, r.thickness, r.colour);
    }

private:
    double flip(double y) const { return height_ - y; }

    void fill(const layout::PlacedBox& at, const layout::FillItem& f) {
        HPDF_Page_SetRGBFill(page_, f.colour.r, f.colour.g, f.colour.b);
        HPDF_Page_Rectangle(page_, at.x + f.x, flip(at.y + f.y + f.height), f.width, f.height);
        HPDF_Page_Fill(page_);
    }

    void text(const layout::PlacedBox& at, const layout::TextItem& t) {
        const FaceFonts& face = fonts_.at(t.style.face);
        const bool one_byte = to_cp1252(t.text, encoded_);
        HPDF_Font font = one_byte ? face.cp1252 : face.unicode;
        if (font != font_ || t.style.size != size_) {
            font_ = font;
            size_ = t.style.size;
            HPDF_Page_SetFontAndSize(page_, font_, size_);
        }
        if (!(t.style.colour == colour_)) {
            colour_ = t.style.colour;
            HPDF_Page_SetRGBFill(page_, colour_.r, colour_.g, colour_.b);
        }
        const double x = at.x + t.x, y = flip(at.y + t.baseline);
        if (one_byte || t.word_spacing == 0) {
            // PDF word spacing stretches the one-byte space; a justified line is one string.
            if (t.word_spacing != word_spacing_) {
                word_spacing_ = t.word_spacing;
                HPDF_Page_SetWordSpace(page_, word_spacing_);
            }
            show(x, y, one_byte ? encoded_ : t.text);
            return;
        }
        // A two-byte font has no word spacing: set the words one by one.
        const double space = metrics_.width(" ", t.style) + t.word_spacing;
        double word_x = x;
        for (std::size_t start = 0; start <= t.text.size();) {
            std::size_t end = t.text.find(' ', start);
            if (end == std::string::npos) end = t.text.size();
            const std::string word = t.text.substr(start, end - start);
            if (!word.empty()) show(word_x, y, word);
            word_x += metrics_.width(word, t.style) + space;
            start = end + 1;
        }
    }

    // Positions to a hundredth of a point (finer than any printer) keep the page
    // descriptions short, which is most of what compressing them costs.
    void show(double x, double y, const std::string& text) {
        const auto hundredths = [](double v) { return std::round(v * 100) / 100; };
        HPDF_Page_TextOut(page_, hundredths(x), hundredths(y), text.c_str());
    }

    void rule(double x1, double y1, double x2, double y2, double thickness, const layout::Colour& c) {
        HPDF_Page_SetLineWidth(page_, thickness);
        HPDF_Page_SetRGBStroke(page_, c.r, c.g, c.b);
        HPDF_Page_MoveTo(page_, x1, flip(y1));
        HPDF_Page_LineTo(page_, x2, flip(y2));
        HPDF_Page_Stroke(page_);
    }

    HPDF_Page page_;
    double height_;
    const std::map<layout::Face, FaceFonts>& fonts_;
    const layout::FontSet& metrics_;
    HPDF_Font font_ = nullptr;
    double word_spacing_ = 0;
    double size_ = -1;
    std::string encoded_;
    layout::Colour colour_{-1, -1, -1};
};

}  // namespace

std::string write_pdf(const std::vector<layout::Page>& pages, const layout::PageGeometry& geometry,
                      const layout::FontSet& fonts, const std::vector<OutlineEntry>& outline,
                      const DocumentInfo& info, const std::string& origin, model::Diagnostics& diags) {
    ErrorSink sink;
    Doc doc(HPDF_New(on_error, &sink));
    if (!doc) {
        diags.error(origin, {}, "cannot start a PDF document (out of memory)");
        return {};
    }
    HPDF_Doc pdf = doc.get();
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");

    // Each distinct file is loaded once, even when two faces share it.
    std::map<std::string, FaceFonts> by_path;
    std::map<layout::Face, FaceFonts> faces;
    for (int f = 0; f < layout::face_count; ++f) {
        const auto face = static_cast<layout::Face>(f);
        const std::string& path = fonts.path(face);
        auto it = by_path.find(path);
        if (it == by_path.end()) {
            FaceFonts loaded;
            if (const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE))
                loaded = {HPDF_GetFont(pdf, name, "CP1252"), HPDF_GetFont(pdf, name, "UTF-8")};
            it = by_path.emplace(path, loaded).first;
        }
        if (!it->second.cp1252 || !it->second.unicode) {
            diags.error(origin, {}, "libharu cannot embed the font '" + path + "'");
            return {};
        }
        faces[face] = it->second;
    }

    std::vector<HPDF_Page> pdf_pages;
    pdf_pages.reserve(pages.size());
    for (const auto& content : pages) {
        HPDF_Page page = HPDF_AddPage(pdf);
        HPDF_Page_SetWidth(page, geometry.width);
        HPDF_Page_SetHeight(page, geometry.height);
        PageWriter(page, geometry.height, faces, fonts).draw(content);
        pdf_pages.push_back(page);
    }

    const auto anchors = layout::find_anchors(pages);
    auto destination = [&](const std::string& anchor) -> HPDF_Destination {
        const auto it = anchors.find(anchor);
        if (it == anchors.end()) return nullptr;
        HPDF_Destination d = HPDF_Page_CreateDestination(pdf_pages[it->second.page]);
        HPDF_Destination_SetFitH(d, geometry.height - it->second.y + 4);
        return d;
    };
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (const auto& placed : pages[p].boxes) {
            for (const auto& link : placed.box.links) {
                const double left = placed.x + link.x, top = geometry.height - (placed.y + link.y);
                const HPDF_Rect rect{static_cast<HPDF_REAL>(left), static_cast<HPDF_REAL>(top - link.height),
                                     static_cast<HPDF_REAL>(left + link.width), static_cast<HPDF_REAL>(top)};
                HPDF_Annotation annot = nullptr;
                if (link.target.kind == layout::LinkTarget::Kind::uri)
                    annot = HPDF_Page_CreateURILinkAnnot(pdf_pages[p], rect, link.target.target.c_str());
                else if (HPDF_Destination d = destination(link.target.target))
                    annot = HPDF_Page_CreateLinkAnnot(pdf_pages[p], rect, d);
                if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
            }
        }
    }

    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    HPDF_Outline parent = nullptr;
    for (const auto& entry : outline) {
        HPDF_Destination d = destination(entry.anchor);
        if (!d) continue;
        HPDF_Outline o = HPDF_CreateOutline(pdf, entry.level > 0 ? parent : nullptr, entry.title.c_str(), utf8);
        HPDF_Outline_SetDestination(o, d);
        if (entry.level == 0) {
            HPDF_Outline_SetOpened(o, HPDF_FALSE);
            parent = o;
        }
    }
    if (!outline.empty()) HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);

    HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, info.title.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, info.author.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, info.subject.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, info.keywords.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "protopub");
    if (info.epoch) {
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, to_pdf_date(*info.epoch));
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, to_pdf_date(*info.epoch));
    }

    if (sink.code == HPDF_OK) HPDF_SaveToStream(pdf);
    if (sink.code != HPDF_OK) {
        char code[64];
        std::snprintf(code, sizeof code, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(sink.code),
                      static_cast<unsigned>(sink.detail));
        diags.error(origin, {}, std::string("cannot write the PDF: ") + code);
        return {};
    }
    // Reading the whole stream ends in HPDF_STREAM_EOF, which is not an error here.
    std::string bytes(HPDF_GetStreamSize(pdf), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
    bytes.resize(size);
    return bytes;
}

}  // namespace protopub::pdf::detail
