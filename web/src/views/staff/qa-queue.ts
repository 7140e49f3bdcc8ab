// The quality-assurance queue: submitted reports, oldest first.
import * as api from "../../api/endpoints";
import { h } from "../../dom";
import { localTime } from "../../format";
import { channelLabel, t } from "../../i18n";
import type { ViewContext } from "../../router";

export async function qaQueueView({ mount }: ViewContext): Promise<void> {
  const { queue } = await api.qaQueue();
  const items = queue
    .slice(0, 200)
    .map((c) =>
      h(
        "li",
        {},
        h(
          "a",
          { href: `#/qa/${encodeURIComponent(c.id)}`, class: "assignment", "data-testid": `qa-${c.id}` },
          h("strong", {}, c.company),
          h("span", {}, `${channelLabel(c.channel)} · ${c.shopper} · ${localTime(c.planned_at)}`),
        ),
      ),
    );
  mount(h("h1", {}, `${t("qa")} (${queue.length})`), h("ul", { class: "list" }, ...items));
}
