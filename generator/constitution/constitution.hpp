// Constitution assembly: a manifest lists the constitution's Parts and Sections and the
// protocol source of each; the protocols become one constitution document (and one page
// per section), with numbers prefixed by section where the manifest asks for it,
// "Part 3 of this Constitution" and named constitution documents linked to their place,
// and an adoption record and version history for every section.
//
// The result is ordinary model::Protocols, drawn by the same renderers as any protocol.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::constitution {

// One earlier (or the current) version of a section.
struct VersionRecord {
    std::string version;
    std::string status;
    std::string adopted;  // YYYY-MM-DD
    std::string adopted_by;
    std::string minute;
    std::string supersedes;
    std::string note;
};

enum class Numbering {
    as_written,  // clause numbers as the source writes them (24.1 already)
    prefix,      // section 24: 1.1 -> 24.1.1, 1. -> 24.1
};

struct ManifestSection {
    std::string number;                // "24" ("" when the Part is not divided)
    std::string title;                 // "" = the protocol's own title
    std::string source;                // protocol source, relative to the current folder; "" = held elsewhere
    std::vector<std::string> aliases;  // other names references use for it
    Numbering numbering = Numbering::as_written;
    std::vector<VersionRecord> history;  // earlier versions, oldest first
    bool history_from_git = false;       // `history: git`: the adopted versions in the source's git history
    std::string note;                    // for sections held elsewhere: where to find them
    model::SourcePos pos;
};

struct ManifestPart {
    std::string number;  // "5"
    std::string title;
    std::vector<ManifestSection> sections;
    model::SourcePos pos;
};

struct Manifest {
    std::string path;
    std::string title;
    std::string council;
    std::string version;
    // The constitution's status and adoption govern every section it assembles. Status
    // defaults to adopted when the manifest gives an adoption date, draft otherwise.
    model::Status status = model::Status::draft;
    std::string adopted;  // YYYY-MM-DD, "" when the manifest does not say
    std::string adopted_by;
    std::vector<ManifestPart> parts;
};

// Parses a manifest (YAML). Every problem is a diagnostic at its line and column;
// source paths are resolved against the manifest's folder.
struct ManifestOptions {
    bool sources_outside = false;  // sources outside the manifest's folder may be read
};
// Sections or Parts with the same number are errors (they would share an id).
Manifest read_manifest(std::string_view text, const std::string& path, model::Diagnostics& diags,
                       const ManifestOptions& options = {});

// The sources the manifest names, in manifest order (what the CLI loads).
std::vector<std::string> manifest_sources(const Manifest& m);

struct Constitution {
    model::Protocol whole;                  // every Part and Section in one document
    std::vector<model::Protocol> sections;  // one per section with a source, for the site
};

// `protocols` are the loaded sources, in manifest_sources() order. Constitution
// references that match no Part or Section are warnings at their place in the source.
Constitution assemble(const Manifest& m, const std::vector<model::Protocol>& protocols, model::Diagnostics& diags);

}  // namespace protopub::constitution
