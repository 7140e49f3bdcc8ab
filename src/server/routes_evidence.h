#pragma once
// Private to server/: evidence files as the assignment routes show them.

#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace cx::server {

class App;

// One file as the review and the shopper's form list it: id, name, media
// type, kind (audio, image, email, document), bytes, size ("1.2 MB"),
// uploaded_by, uploaded_at and the url it is served at.
nlohmann::json EvidenceJson(const store::EvidenceRow& row);
// The files of one report, oldest first; with app.mutex() held.
Result<nlohmann::json> EvidenceListJson(App& app, const std::string& contact_id);

}  // namespace cx::server
