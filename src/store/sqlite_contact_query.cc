// Listings that must not grow with the study: a filtered, sorted page of
// contacts (the QA queue), counts by status, and a page of the change log.
// The filter, the order and the page are SQL, so that a page reads its own
// rows and no others; only the page's rows then go through the row checks of
// the full read (sqlite_fieldwork_rows.cc).
#include <soci/soci.h>

#include <algorithm>
#include <unordered_map>

#include "store/json_codec.h"
#include "store/sqlite_store_impl.h"

namespace cx::store {
namespace {

// The rows a contact's filter and order look at: the participant (company
// name, industry), the shopper (name) and the channel (its longest wait).
constexpr std::string_view kFrom =
    " FROM contact c JOIN participant p ON p.study_id = c.study_id AND p.id = c.participant_id"
    " LEFT JOIN shopper s ON s.id = c.shopper_id"
    " LEFT JOIN channel ch ON ch.study_id = c.study_id AND ch.channel = c.channel";

// Every condition names its parameter whether it is set or not, so that one
// binding serves every filter; an unset one is true for every row.
constexpr std::string_view kWhere =
    " WHERE c.study_id = :study"
    " AND (:statuses = '[]' OR c.status IN (SELECT value FROM json_each(:statuses)))"
    " AND (:participant = '' OR c.participant_id = :participant)"
    " AND (:industry = '' OR p.industry_id = :industry)"
    " AND (:shopper = '' OR c.shopper_id = :shopper)"
    " AND (:channel = '' OR c.channel = :channel)"
    " AND (:ids = '' OR c.id IN (SELECT value FROM json_each(:ids)))"
    // The scoring rule's "answered" (contact_score.cc): a wait, within the
    // channel's maximum when it has one.
    " AND (:answered < 0 OR (c.wait_s IS NOT NULL AND (ch.max_wait_s IS NULL OR"
    " ch.max_wait_s <= 0 OR c.wait_s <= ch.max_wait_s)) = :answered)"
    " AND (:search = '' OR instr(lower(p.name), :search) > 0 OR instr(lower(c.id), :search) > 0"
    " OR instr(lower(c.shopper_id), :search) > 0 OR instr(lower(coalesce(s.name, '')), :search) > 0"
    " OR EXISTS (SELECT 1 FROM comment m WHERE m.study_id = c.study_id AND m.contact_id = c.id"
    " AND instr(lower(m.text), :search) > 0))";

// The sort key of a contact row, ending in its id so that the order is total.
std::vector<std::string> SortKeyParts(ContactQuery::Sort sort) {
  std::vector<std::string> parts;
  if (sort == ContactQuery::Sort::kId) return {"c.id"};
  if (sort == ContactQuery::Sort::kParticipant) parts.emplace_back("p.name");
  if (sort == ContactQuery::Sort::kShopper) parts.emplace_back("coalesce(s.name, c.shopper_id)");
  parts.emplace_back("coalesce(c.submitted_at, '')");
  parts.emplace_back("c.id");
  return parts;
}

std::string SortKey(ContactQuery::Sort sort) {
  std::string key;
  for (const auto& part : SortKeyParts(sort)) key += (key.empty() ? "" : ", ") + part;
  return key;
}

std::string OrderBy(ContactQuery::Sort sort, bool descending) {
  std::string order;
  for (const auto& part : SortKeyParts(sort)) {
    order += (order.empty() ? "" : ", ") + part + (descending ? " DESC" : "");
  }
  return " ORDER BY " + order;
}

// The rows after the contact :after in the order (a row value comparison);
// true for every row when :after is empty.
std::string AfterCondition(ContactQuery::Sort sort, bool descending) {
  const std::string key = SortKey(sort);
  return " AND (:after = '' OR (" + key + ") " + (descending ? "<" : ">") + " (SELECT " + key +
         std::string(kFrom) + " WHERE c.study_id = :study AND c.id = :after))";
}

// ASCII lower case, as SQLite's lower() folds.
std::string AsciiLower(std::string text) {
  for (char& ch : text) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return text;
}

// The bound values of a query's filter.
struct FilterValues {
  explicit FilterValues(const ContactQuery& query)
      : participant(query.participant),
        industry(query.industry),
        shopper(query.shopper),
        channel(query.channel ? std::string(domain::ToString(*query.channel)) : ""),
        search(AsciiLower(query.search)),
        answered(query.answered ? (*query.answered ? 1 : 0) : -1) {
    std::vector<std::string> names;
    for (auto status : query.statuses) names.emplace_back(domain::ToString(status));
    statuses = EncodeStrings(names);
    if (query.ids) ids = EncodeStrings(*query.ids);
  }
  std::string statuses, participant, industry, shopper, channel, search, ids;
  int answered;
};

}  // namespace

Result<ContactPage> SqliteStore::QueryContacts(const std::string& study_id,
                                               const ContactQuery& query) {
  ContactPage page;
  try {
    const FilterValues filter(query);
    if (!query.after.empty()) {
      int found = 0;
      *sql_ << "SELECT count(*) FROM contact WHERE study_id = :study AND id = :after",
          soci::use(study_id), soci::use(query.after), soci::into(found);
      if (found == 0) {
        return NotFound(Msg("no contact '{1}' in study '{2}'", query.after, study_id));
      }
    }
    long long total = 0;
    *sql_ << "SELECT count(*)" + std::string(kFrom) + std::string(kWhere),
        soci::use(study_id, "study"), soci::use(filter.statuses, "statuses"),
        soci::use(filter.participant, "participant"), soci::use(filter.industry, "industry"),
        soci::use(filter.shopper, "shopper"), soci::use(filter.channel, "channel"),
        soci::use(filter.answered, "answered"), soci::use(filter.search, "search"),
        soci::use(filter.ids, "ids"), soci::into(total);
    page.total = total;

    const long long limit = std::max<int64_t>(0, query.limit);
    const long long offset = std::max<int64_t>(0, query.offset);
    std::vector<std::string> ids;
    std::string id;
    soci::statement select =
        (sql_->prepare << "SELECT c.id" + std::string(kFrom) + std::string(kWhere) +
                              AfterCondition(query.sort, query.descending) +
                              OrderBy(query.sort, query.descending) +
                              " LIMIT :limit OFFSET :offset",
         soci::use(study_id, "study"), soci::use(filter.statuses, "statuses"),
         soci::use(filter.participant, "participant"), soci::use(filter.industry, "industry"),
         soci::use(filter.shopper, "shopper"), soci::use(filter.channel, "channel"),
         soci::use(filter.answered, "answered"), soci::use(filter.search, "search"),
         soci::use(filter.ids, "ids"), soci::use(query.after, "after"), soci::use(limit, "limit"),
         soci::use(offset, "offset"), soci::into(id));
    select.execute();
    while (select.fetch()) ids.push_back(id);
    if (ids.empty()) return page;

    std::vector<CorruptRow> corrupt;
    auto study = ReadStudy(study_id, corrupt);
    if (!study) return study.error();
    const auto shoppers = ReadShoppers(corrupt);
    auto contacts = ReadContacts(*study, shoppers, EncodeStrings(ids), false, corrupt,
                                 /*only_is_list=*/true);
    // Read in id order; given in the query's.
    std::unordered_map<std::string, size_t> position;
    for (size_t i = 0; i < ids.size(); ++i) position.emplace(ids[i], i);
    std::sort(contacts.begin(), contacts.end(),
              [&](const domain::Contact& a, const domain::Contact& b) {
                return position[a.id] < position[b.id];
              });
    page.contacts = std::move(contacts);
  } catch (const std::exception& error) {
    return IoError("cannot query contacts of study '" + study_id + "': " + error.what());
  }
  return page;
}

Result<std::vector<ContactCount>> SqliteStore::CountContacts(const std::string& study_id) {
  std::vector<ContactCount> counts;
  try {
    std::string status, participant, channel;
    long long count = 0;
    soci::statement select =
        (sql_->prepare << "SELECT status, participant_id, channel, count(*) FROM contact WHERE "
                          "study_id = :study GROUP BY status, participant_id, channel",
         soci::use(study_id), soci::into(status), soci::into(participant), soci::into(channel),
         soci::into(count));
    select.execute();
    while (select.fetch()) {
      const auto parsed_status = domain::ParseContactStatus(status);
      const auto parsed_channel = domain::ParseChannel(channel);
      // A corrupt row is left out here as in every listing (CheckDatabase names it).
      if (!parsed_status || !parsed_channel) continue;
      counts.push_back({*parsed_status, participant, *parsed_channel, count});
    }
  } catch (const std::exception& error) {
    return IoError("cannot count contacts of study '" + study_id + "': " + error.what());
  }
  return counts;
}

Result<ChangeLogPage> SqliteStore::LoadChangeLogPage(const std::string& study_id,
                                                     const std::string& contact_id, int64_t offset,
                                                     int64_t limit) {
  ChangeLogPage page;
  try {
    const std::string where =
        " FROM change_log WHERE study_id = :study AND (:contact = '' OR entity_id = :contact)";
    long long total = 0;
    *sql_ << "SELECT count(*)" + where, soci::use(study_id, "study"),
        soci::use(contact_id, "contact"), soci::into(total);
    page.total = total;
    const long long wanted = std::max<int64_t>(0, limit);
    const long long skip = std::max<int64_t>(0, offset);
    domain::ChangeRecord row;
    soci::indicator field_ind, old_ind, new_ind, reason_ind;
    soci::statement select =
        (sql_->prepare << "SELECT at, actor, entity, entity_id, field, old_value, new_value, "
                          "reason" +
                              where + " ORDER BY id DESC LIMIT :limit OFFSET :offset",
         soci::use(study_id, "study"), soci::use(contact_id, "contact"), soci::use(wanted, "limit"),
         soci::use(skip, "offset"), soci::into(row.at), soci::into(row.actor),
         soci::into(row.entity), soci::into(row.entity_id), soci::into(row.field, field_ind),
         soci::into(row.old_value, old_ind), soci::into(row.new_value, new_ind),
         soci::into(row.reason, reason_ind));
    select.execute();
    while (select.fetch()) {
      domain::ChangeRecord entry = row;
      if (field_ind == soci::i_null) entry.field.clear();
      if (old_ind == soci::i_null) entry.old_value.clear();
      if (new_ind == soci::i_null) entry.new_value.clear();
      if (reason_ind == soci::i_null) entry.reason.clear();
      page.entries.push_back(std::move(entry));
    }
  } catch (const std::exception& error) {
    return IoError("cannot read the change log: " + std::string(error.what()));
  }
  return page;
}

}  // namespace cx::store
