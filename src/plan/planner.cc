// The planner's driver: stages 2-4 (see planner.h and docs/planning.md).
#include "plan/planner.h"

#include <algorithm>
#include <map>

#include "plan/model.h"

namespace cx::plan {
namespace {

constexpr size_t kFlowCandidates = 16;    // shoppers offered per contact in a block's flow
constexpr size_t kRescueCandidates = 64;  // in the week's second flow over all shoppers
constexpr int kMinShoppersPerBlock = 60;

uint64_t Mix(uint64_t seed, const std::string& text) {
  uint64_t h = 1469598103934665603ull ^ seed;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

// Blocks: companies and shoppers split alike, so each block is a study of
// the default size; shoppers dealt round-robin by profile so each block
// gets the same mix of channels, ages and genders.
struct Blocks {
  int count = 1;
  std::vector<int> block_of_company;
  std::vector<std::vector<int>> pool;  // shopper indexes, per block
};

int BlockCount(int total, size_t shopper_count, const PlanOptions& options) {
  int blocks =
      options.contacts_per_block > 0
          ? std::max(1, (total + options.contacts_per_block / 2) / options.contacts_per_block)
          : 1;
  blocks = std::max(1, std::min(blocks, static_cast<int>(shopper_count) / kMinShoppersPerBlock));
  return blocks;
}

// Companies by falling number of contacts, each to the block with the fewest so far.
std::vector<int> AssignCompanies(const Model& model, const std::vector<Slot>& slots, int blocks) {
  std::vector<int> company_contacts(model.companies.size(), 0);
  for (const Slot& slot : slots) ++company_contacts[static_cast<size_t>(slot.company)];
  std::vector<int> company_order(model.companies.size());
  for (size_t c = 0; c < company_order.size(); ++c) company_order[c] = static_cast<int>(c);
  std::stable_sort(company_order.begin(), company_order.end(), [&](int a, int b) {
    return company_contacts[static_cast<size_t>(a)] > company_contacts[static_cast<size_t>(b)];
  });
  std::vector<int> block_of_company(model.companies.size(), 0),
      block_load(static_cast<size_t>(blocks), 0);
  for (int company : company_order) {
    const auto lightest =
        std::min_element(block_load.begin(), block_load.end()) - block_load.begin();
    block_of_company[static_cast<size_t>(company)] = static_cast<int>(lightest);
    block_load[static_cast<size_t>(lightest)] += company_contacts[static_cast<size_t>(company)];
  }
  return block_of_company;
}

// Shoppers sorted by profile (the seed breaks ties), dealt round-robin.
std::vector<std::vector<int>> DealShoppers(const std::vector<domain::Shopper>& shoppers,
                                           uint64_t seed, int blocks) {
  std::vector<int> shopper_order(shoppers.size());
  for (size_t s = 0; s < shoppers.size(); ++s) shopper_order[s] = static_cast<int>(s);
  auto profile_key = [&](int s) {
    const auto& person = shoppers[static_cast<size_t>(s)];
    std::string key;
    for (auto channel : domain::kAllChannels) key += person.CanDo(channel) ? '1' : '0';
    return key + person.age_band + person.gender;
  };
  std::stable_sort(shopper_order.begin(), shopper_order.end(), [&](int a, int b) {
    const auto ka = profile_key(a), kb = profile_key(b);
    if (ka != kb) return ka < kb;
    return Mix(seed, shoppers[static_cast<size_t>(a)].id) <
           Mix(seed, shoppers[static_cast<size_t>(b)].id);
  });
  std::vector<std::vector<int>> pool(static_cast<size_t>(blocks));
  for (size_t index = 0; index < shopper_order.size(); ++index)
    pool[index % static_cast<size_t>(blocks)].push_back(shopper_order[index]);
  return pool;
}

Blocks SplitIntoBlocks(const Model& model, const std::vector<Slot>& slots,
                       const std::vector<domain::Shopper>& shoppers, const PlanOptions& options) {
  Blocks blocks;
  blocks.count = BlockCount(static_cast<int>(slots.size()), shoppers.size(), options);
  blocks.block_of_company = AssignCompanies(model, slots, blocks.count);
  blocks.pool = DealShoppers(shoppers, options.seed, blocks.count);
  return blocks;
}

// Stage 3: week by week, a flow per block over the block's shoppers, then
// one flow over every shopper for what the blocks left.
void PlaceByFlows(const Model& model, Ledger& ledger, std::vector<Slot>& slots,
                  const Blocks& blocks, size_t shopper_count, PlanStats& stats) {
  std::vector<int> everyone(shopper_count);
  for (size_t s = 0; s < shopper_count; ++s) everyone[s] = static_cast<int>(s);
  std::vector<std::vector<int>> by_week(static_cast<size_t>(model.weeks) + 1);
  for (size_t index = 0; index < slots.size(); ++index)
    by_week[static_cast<size_t>(slots[index].week)].push_back(static_cast<int>(index));
  for (int week = 1; week <= model.weeks; ++week) {
    for (int block = 0; block < blocks.count; ++block) {
      std::vector<int> which;
      for (int index : by_week[static_cast<size_t>(week)]) {
        if (blocks
                .block_of_company[static_cast<size_t>(slots[static_cast<size_t>(index)].company)] ==
            block)
          which.push_back(index);
      }
      if (which.empty()) continue;
      ++stats.flow_problems;
      stats.placed_by_flow += PlaceByFlow(model, ledger, slots, which,
                                          blocks.pool[static_cast<size_t>(block)], kFlowCandidates);
    }
    std::vector<int> left;
    for (int index : by_week[static_cast<size_t>(week)]) {
      if (slots[static_cast<size_t>(index)].shopper < 0) left.push_back(index);
    }
    if (!left.empty()) {
      ++stats.flow_problems;
      stats.placed_by_flow += PlaceByFlow(model, ledger, slots, left, everyone, kRescueCandidates);
    }
  }
}

// Stage 4: the companies with a contact no flow could place are solved
// again as a whole by an integer programme, every other company fixed.
// Returns why, for each company the programme could not place either.
std::vector<std::string> PlaceByIlps(const Model& model, Ledger& ledger, std::vector<Slot>& slots,
                                     const PlanOptions& options, PlanStats& stats) {
  std::map<int, std::vector<int>> company_slots;
  for (size_t index = 0; index < slots.size(); ++index)
    company_slots[slots[index].company].push_back(static_cast<int>(index));
  std::vector<std::string> reasons;
  for (const auto& [company, list] : company_slots) {
    const bool open = std::any_of(list.begin(), list.end(), [&](int index) {
      return slots[static_cast<size_t>(index)].shopper < 0;
    });
    if (!open) continue;
    ++stats.ilp_problems;
    const IlpResult result = PlaceByIlp(model, ledger, slots, list, options.ilp_candidates);
    if (result.widened) ++stats.ilp_widened;
    if (result.placed) {
      stats.placed_by_ilp += static_cast<int>(list.size());
    } else {
      reasons.push_back("company " + model.companies[static_cast<size_t>(company)] + " needs " +
                        std::to_string(list.size()) +
                        " contacts from distinct shoppers in its weeks; the shoppers who fit "
                        "them, are free then and are not away have too few places left once "
                        "the other companies are planned");
    }
  }
  return reasons;
}

// The placed slots as planned contacts, and how many each shopper got.
void WriteContacts(const domain::Study& study, const std::vector<domain::Shopper>& shoppers,
                   const std::vector<Slot>& slots, Plan& plan) {
  std::map<int, int> per_shopper;
  for (const Slot& slot : slots) {
    domain::Contact contact;
    contact.id = slot.id;
    contact.participant = study.participants[static_cast<size_t>(slot.participant)].id;
    contact.shopper = shoppers[static_cast<size_t>(slot.shopper)].id;
    contact.channel = slot.channel;
    contact.scenario = slot.scenario->id;
    contact.planned_at = LocalDateTime{ToDate(slot.day), slot.minute}.ToString();
    contact.status = domain::ContactStatus::kPlanned;
    plan.contacts.push_back(std::move(contact));
    ++per_shopper[slot.shopper];
  }
  plan.stats.contacts = static_cast<int>(plan.contacts.size());
  plan.stats.shoppers_used = static_cast<int>(per_shopper.size());
  if (!per_shopper.empty()) {
    plan.stats.min_per_shopper = 1 << 30;
    for (const auto& [shopper, count] : per_shopper) {
      plan.stats.min_per_shopper = std::min(plan.stats.min_per_shopper, count);
      plan.stats.max_per_shopper = std::max(plan.stats.max_per_shopper, count);
    }
  }
}

}  // namespace

Result<Plan> MakePlan(const domain::Study& study, const std::vector<domain::Shopper>& shoppers,
                      const PlanOptions& options) {
  const std::string where = "plan of study " + study.id;
  if (auto reasons = ExplainInfeasibility(study, shoppers); !reasons.empty())
    return InvalidInput("no plan can meet every hard constraint:\n" + Join(reasons), where);
  Model model(study, shoppers);
  model.seed = options.seed;
  auto made = MakeSlots(model);
  if (!made) return made.error();
  std::vector<Slot> slots = std::move(*made);
  Ledger ledger(model);
  for (const Slot& slot : slots) ledger.Expect(model, slot);

  const Blocks blocks = SplitIntoBlocks(model, slots, shoppers, options);
  Plan plan;
  if (options.flows) PlaceByFlows(model, ledger, slots, blocks, shoppers.size(), plan.stats);
  if (auto reasons = PlaceByIlps(model, ledger, slots, options, plan.stats); !reasons.empty()) {
    return InvalidInput("no plan found that meets every hard constraint:\n" + Join(reasons), where);
  }
  WriteContacts(study, shoppers, slots, plan);
  return plan;
}

}  // namespace cx::plan
