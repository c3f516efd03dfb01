// Akoma Ntoso 3.0 (OASIS LegalDocML) export: <akomaNtoso><doc name="protocol"> with FRBR
// identification, eIds after the AKN naming convention (paragraph 4.21 of section 4 ->
// "sec_4__para_4-21") and the stable protopub id of each clause kept as its wId.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::akn {

struct AknOptions {
    // The generation (manifestation) date: SOURCE_DATE_EPOCH, io::known_epoch(""); without
    // it the adoption. The work and expression dates come from the source's adoption.
    std::optional<std::int64_t> epoch;
    std::string country = "gb";  // FRBRcountry and the first step of every FRBR URI
};

// The XML document (UTF-8). Valid against akomantoso30.xsd for every Protocol.
std::string render_akn(const model::Protocol& protocol, const AknOptions& options, model::Diagnostics& diags);

}  // namespace protopub::akn
