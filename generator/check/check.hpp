// Structural checks on a parsed protocol: numbering and empty clauses. (Encoding, front
// matter and duplicate ids are reported by the reader, references by the refs stage.)
#pragma once

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::check {

void check_structure(const model::Protocol& p, model::Diagnostics& diags);

// The number a section stands for: the one written, else the first part of its first
// clause's number; empty for preambles and un-numbered text.
std::vector<int> section_number(const model::Section& s);

}  // namespace protopub::check
