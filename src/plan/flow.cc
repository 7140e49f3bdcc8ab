// Stage 3 of the planner: shoppers for one week's contacts by a min-cost flow
// (Boost Graph, successive shortest paths with nonnegative weights).
//
//   source -1-> contact -1,affinity-> (company, shopper) -1-> shopper ==> sink
//
// (a contact whose company has no other contact in the flow goes straight
// to the shopper).
//
// Each contact is one unit of flow. The (company, shopper) node lets one
// shopper take at most one contact of a company this week; the ledger
// already excludes shoppers who took the company in earlier weeks. The
// shopper -> sink arcs are unit arcs, as many as the shopper's free places
// this week, with rising costs: the k-th costs more the more the shopper
// already has in total (even workload) and this week (even spread). Convex
// costs on unit arcs make the flow's optimum the true optimum of that
// separable convex objective; the flow is integral by construction.
//
// Costs are whole numbers held in doubles: exact (far below 2^53), and
// Boost's potential update (distance_prev + distance) then reaches infinity
// for vertices cut off from the source instead of overflowing a long. Cut-off
// vertices never become reachable again (augmenting only adds arcs between
// vertices on the path), so their potentials are never used.
#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
#include <map>

#include "plan/model.h"

namespace cx::plan {
namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using Graph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<
        boost::edge_capacity_t, long,
        boost::property<boost::edge_residual_capacity_t, long,
                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                        boost::property<boost::edge_weight_t, double>>>>>;
using Edge = Traits::edge_descriptor;

class FlowGraph {
 public:
  explicit FlowGraph(size_t vertices) : graph_(vertices) {}

  Edge Add(size_t from, size_t to, long capacity, long cost) {
    Edge forward = boost::add_edge(from, to, graph_).first;
    Edge backward = boost::add_edge(to, from, graph_).first;
    auto capacity_map = boost::get(boost::edge_capacity, graph_);
    auto weight = boost::get(boost::edge_weight, graph_);
    auto reverse = boost::get(boost::edge_reverse, graph_);
    capacity_map[forward] = capacity;
    capacity_map[backward] = 0;
    weight[forward] = static_cast<double>(cost);
    weight[backward] = -static_cast<double>(cost);
    reverse[forward] = backward;
    reverse[backward] = forward;
    return forward;
  }
  size_t AddVertex() { return boost::add_vertex(graph_); }
  void Solve(size_t source, size_t sink) {
    boost::successive_shortest_path_nonnegative_weights(graph_, source, sink);
  }
  bool Saturated(Edge edge) const {
    return boost::get(boost::edge_residual_capacity, graph_)[edge] == 0;
  }

 private:
  Graph graph_;
};

// A small deterministic jitter, so equal shoppers are not always taken in pool order.
long Jitter(const Model& model, const Slot& slot, int shopper) {
  uint64_t h = 1469598103934665603ull ^ model.seed;
  for (char c : slot.id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  h = (h ^ static_cast<uint64_t>(shopper)) * 1099511628211ull;
  return static_cast<long>((h >> 33) % 4);
}

// The flow of one PlaceByFlow call: its vertices, and the contact -> shopper
// arcs whose flow places a contact.
struct Network {
  struct Arc {
    int slot;
    int shopper;
    Edge edge;
  };
  static constexpr size_t kSource = 0, kSink = 1;

  // Vertices: source, sink, one per contact, one per shopper of the pool.
  Network(size_t contacts, const std::vector<int>& pool) : flow(2 + contacts + pool.size()) {
    for (size_t index = 0; index < pool.size(); ++index) {
      shopper_vertex[pool[index]] = 2 + contacts + index;
    }
  }

  FlowGraph flow;
  std::map<int, size_t> shopper_vertex;
  std::map<std::pair<int, int>, size_t> pair_vertex;  // (company, shopper)
  std::map<int, int> demand;                          // shopper -> contacts listing it
  std::vector<Arc> arcs;
};

// The `candidates` cheapest shoppers of the pool who may take the slot, as
// (affinity + load, shopper), in no particular order.
std::vector<std::pair<long, int>> Candidates(const Model& model, const Ledger& ledger,
                                             const Slot& slot, const std::vector<int>& pool,
                                             size_t candidates) {
  std::vector<std::pair<long, int>> ranked;
  for (int shopper : pool) {
    if (!model.Eligible(shopper, slot) || ledger.UsedFor(slot.company, shopper) ||
        ledger.WeeklyFree(model, shopper, slot.week) <= 0) {
      continue;
    }
    const long affinity = AffinityCost(model, ledger, slot, shopper) + Jitter(model, slot, shopper);
    ranked.push_back({affinity + WorkloadCost(ledger, shopper, slot.week), shopper});
  }
  if (ranked.size() > candidates) {
    std::nth_element(ranked.begin(), ranked.begin() + static_cast<long>(candidates), ranked.end());
    ranked.resize(candidates);
  }
  return ranked;
}

// One unit from the source to the contact's vertex, and an arc from it to
// each candidate shopper (through the (company, shopper) vertex unless the
// contact is its company's only one in the flow), costing the affinity.
void AddContact(Network& network, const Model& model, const Ledger& ledger, const Slot& slot,
                int slot_index, size_t contact_vertex,
                const std::vector<std::pair<long, int>>& ranked, bool alone) {
  network.flow.Add(Network::kSource, contact_vertex, 1, 0);
  for (const auto& [rank, shopper] : ranked) {
    const long affinity = AffinityCost(model, ledger, slot, shopper) + Jitter(model, slot, shopper);
    size_t target = network.shopper_vertex.at(shopper);
    if (!alone) {
      // The company has more contacts in this flow: they meet at its
      // (company, shopper) vertex, whose single unit is the company-once rule.
      auto [it, inserted] = network.pair_vertex.emplace(std::make_pair(slot.company, shopper), 0);
      if (inserted) {
        it->second = network.flow.AddVertex();
        network.flow.Add(it->second, target, 1, 0);
      }
      target = it->second;
    }
    network.arcs.push_back(
        {slot_index, shopper, network.flow.Add(contact_vertex, target, 1, affinity)});
    ++network.demand[shopper];
  }
}

// The weekly maximum: a flow over one week gives each shopper that week's
// free places; a flow mixing weeks (not used by the planner) gives one. The
// k-th place costs more the more the shopper already has.
void AddShopperPlaces(Network& network, const Model& model, const Ledger& ledger,
                      const std::vector<Slot>& slots, const std::vector<int>& which) {
  const int week = slots[static_cast<size_t>(which.front())].week;
  const bool one_week = std::all_of(which.begin(), which.end(), [&](int index) {
    return slots[static_cast<size_t>(index)].week == week;
  });
  for (const auto& [shopper, listed] : network.demand) {
    const int places = one_week ? std::min(listed, ledger.WeeklyFree(model, shopper, week)) : 1;
    for (int k = 0; k < places; ++k) {
      network.flow.Add(network.shopper_vertex.at(shopper), Network::kSink, 1,
                       WorkloadCost(ledger, shopper, week, k));
    }
  }
}

}  // namespace

int PlaceByFlow(const Model& model, Ledger& ledger, std::vector<Slot>& slots,
                const std::vector<int>& which, const std::vector<int>& pool, size_t candidates) {
  if (which.empty() || pool.empty()) return 0;
  Network network(which.size(), pool);
  std::map<int, int> company_count;
  for (int index : which) ++company_count[slots[static_cast<size_t>(index)].company];
  for (size_t index = 0; index < which.size(); ++index) {
    const int slot_index = which[index];
    const Slot& slot = slots[static_cast<size_t>(slot_index)];
    AddContact(network, model, ledger, slot, slot_index, 2 + index,
               Candidates(model, ledger, slot, pool, candidates), company_count[slot.company] == 1);
  }
  AddShopperPlaces(network, model, ledger, slots, which);
  network.flow.Solve(Network::kSource, Network::kSink);
  int placed = 0;
  for (const Network::Arc& arc : network.arcs) {
    if (!network.flow.Saturated(arc.edge)) continue;
    Slot& slot = slots[static_cast<size_t>(arc.slot)];
    slot.shopper = arc.shopper;
    ledger.Take(model, slot, arc.shopper);
    ++placed;
  }
  return placed;
}

}  // namespace cx::plan
