// Review forms: each posts a JSON decision with the reviewer's Bearer token.
// The token lives in sessionStorage only (never in a cookie), so another
// site cannot make the browser send it: that is the CSRF protection.
"use strict";

(function () {
  const store = window.sessionStorage;
  const TOKEN = "khronika.review.token";
  const NAME = "khronika.review.name";

  function showSession() {
    const name = store.getItem(NAME);
    const active = Boolean(store.getItem(TOKEN) && name);
    document.getElementById("review-credentials").hidden = active;
    document.getElementById("review-session").hidden = !active;
    document.getElementById("reviewer-shown").textContent = name || "";
    document.body.classList.toggle("review-active", active);
  }

  function say(form, text, ok) {
    const where = form.querySelector(".review-status") ||
      (form.closest(".review-actions, .review-box") || document).querySelector(".review-status") ||
      document.getElementById("review-message");
    where.textContent = text;
    where.classList.toggle("error", !ok);
  }

  function value(input) {
    const raw = input.value.trim();
    if (input.dataset.kind === "list") {
      return raw ? raw.split(";").map((s) => s.trim()).filter(Boolean) : [];
    }
    if (input.dataset.kind === "int") {
      return raw === "" ? null : Number.parseInt(raw, 10);
    }
    return raw === "" ? null : raw;
  }

  function fieldsOf(form) {
    const fields = {};
    const onlyChanged = form.hasAttribute("data-only-changed");
    for (const input of form.querySelectorAll("input[name], select[name]")) {
      if (input.name === "member") continue;
      const changed = input.tagName === "SELECT" || input.value !== input.defaultValue;
      if (onlyChanged && !changed && !input.hasAttribute("data-always")) continue;
      const v = value(input);
      if (v === null && (input.name === "note" || input.name === "value")) continue;
      fields[input.name] = v;
    }
    return fields;
  }

  async function submit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const token = store.getItem(TOKEN);
    const reviewer = store.getItem(NAME);
    if (!token || !reviewer) {
      say(form, "Enter your name and the review token at the top of the page first.", false);
      document.getElementById("reviewer-name").focus();
      return;
    }
    const member = form.querySelector("[name=member]");
    const id = member ? member.value : form.dataset.id;
    const plural = { event: "events", entity: "entities", contradiction: "contradictions" };
    const url = `/api/${plural[form.dataset.target]}/${encodeURIComponent(id)}/review`;
    const body = { decision: form.dataset.decision, fields: fieldsOf(form), reviewer: reviewer };
    say(form, "saving…", true);
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      credentials: "omit",
    });
    if (response.ok) {
      window.location.reload();
      return;
    }
    let detail = response.statusText;
    try {
      const data = await response.json();
      detail = typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail);
    } catch (_) { /* keep the status text */ }
    say(form, `Refused (${response.status}): ${detail}`, false);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("review-credentials").addEventListener("submit", (event) => {
      event.preventDefault();
      store.setItem(NAME, document.getElementById("reviewer-name").value.trim());
      store.setItem(TOKEN, document.getElementById("reviewer-token").value);
      document.getElementById("reviewer-token").value = "";
      showSession();
    });
    document.getElementById("review-logout").addEventListener("click", () => {
      store.removeItem(TOKEN);
      store.removeItem(NAME);
      showSession();
    });
    for (const form of document.querySelectorAll("form.review-form")) {
      form.addEventListener("submit", submit);
    }
    showSession();
  });
})();
