/* The clinic console: polls the queue, shows a transcript, takes over and writes.
 * No inline script (the page's CSP allows only this file); all text goes in as text,
 * never as HTML, because transcripts hold what patients typed. */
(function () {
  "use strict";

  var POLL_MS = 3000;
  var CHANNEL_LABEL = { socketio: "web chat", twilio: "SMS", rest: "REST API", clinic: "clinic integration" };
  var KIND_LABEL = { emergency: "Emergency", urgent: "Urgent", callback: "Call-back request" };
  var NEXT = { new: ["acknowledged", "Acknowledge"], acknowledged: ["contacted", "Mark contacted"], contacted: ["closed", "Close"] };
  var state = { csrf: null, email: null, seen: null, open: null, lastTranscript: "" };

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "onclick") node.addEventListener("click", attrs[key]);
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function api(method, path, body) {
    var options = { method: method, credentials: "same-origin", headers: {} };
    if (method !== "GET") options.headers["X-CSRF-Token"] = state.csrf;
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (r) {
      if (r.status === 401) { window.location.reload(); throw new Error("signed out"); }
      return r.json().then(function (data) {
        if (!r.ok) throw new Error(data.error || ("HTTP " + r.status));
        return data;
      });
    });
  }

  function when(iso) {
    if (!iso) return "";
    var d = new Date(iso);
    return d.toLocaleString([], { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return "";
    if (seconds < 60) return seconds + " s";
    if (seconds < 3600) return Math.round(seconds / 60) + " min";
    return (seconds / 3600).toFixed(1) + " h";
  }

  function channelName(channel) { return CHANNEL_LABEL[channel] || channel || "unknown"; }

  function waiting(item) {
    return "waiting " + duration(Math.max(0, Math.round((Date.now() - new Date(item.created_at)) / 1000)));
  }

  // ------------------------------------------------------------------ queue

  function renderQueue(items) {
    var body = $("queue-body");
    while (body.firstChild) body.removeChild(body.firstChild);
    items.forEach(function (item) {
      var actions = el("div", { class: "actions" }, [
        el("button", { type: "button", class: "secondary", text: "Open", "aria-label": "Open conversation of " + KIND_LABEL[item.kind] + " received " + when(item.created_at),
          onclick: function () { openConversation(item.conversation_id); } }),
      ]);
      var next = NEXT[item.status];
      if (next) {
        actions.appendChild(el("button", { type: "button", text: next[1], "data-item": item.id,
          onclick: function () { setStatus(item.id, next[0]); } }));
      }
      var status = item.status;
      if (item.acknowledged_by) status += " (ack. " + item.acknowledged_by + ")";
      if (item.taken_over_by) status += "; with " + item.taken_over_by;
      var details = (item.symptoms || []).join(", ");
      if (item.contact) details = (details ? details + "; " : "") + item.contact.method + ": " + item.contact.value;
      body.appendChild(el("tr", { class: "kind-" + item.kind, "data-id": item.id, "data-conversation": item.conversation_id }, [
        el("td", { text: KIND_LABEL[item.kind] + (item.tier && item.kind !== item.tier ? " (" + item.tier + ")" : "") }),
        el("td", { text: when(item.created_at) }),
        el("td", { text: channelName(item.channel) }),
        el("td", { text: details }),
        el("td", { class: "item-status", text: status }),
        el("td", { text: item.seconds_to_acknowledge !== null ? duration(item.seconds_to_acknowledge) : (item.status === "new" ? waiting(item) : "") }),
        el("td", {}, [actions]),
      ]));
    });
    $("queue-status").textContent = items.length ? "" : "Nothing in the queue.";
  }

  function announceNew(items) {
    var fresh = [];
    items.forEach(function (item) {
      if (state.seen && !state.seen[item.id] && item.kind !== "callback") fresh.push(item);
    });
    state.seen = state.seen || {};
    items.forEach(function (item) { state.seen[item.id] = true; });
    if (!fresh.length) return;
    var text = fresh.map(function (item) {
      var during = item.taken_over_by ? " during a takeover by " + item.taken_over_by : "";
      return "New " + KIND_LABEL[item.kind].toLowerCase() + during + " (" + (item.symptoms || []).join(", ") + ", " + channelName(item.channel) + ").";
    }).join(" ");
    $("alerts").textContent = text;
  }

  function pollQueue() {
    api("GET", "/console/api/queue").then(function (data) {
      announceNew(data.items);
      renderQueue(data.items);
    }).catch(function (error) {
      $("queue-status").textContent = "Could not refresh the queue: " + error.message;
    });
  }

  function setStatus(itemId, status) {
    api("POST", "/console/api/queue/" + encodeURIComponent(itemId) + "/status", { status: status })
      .then(pollQueue)
      .catch(function (error) { $("queue-status").textContent = error.message; });
  }

  // ------------------------------------------------------------------ conversation

  function renderTranscript(data) {
    var key = JSON.stringify(data.messages) + data.taken_over_by;
    if (key === state.lastTranscript) return;
    state.lastTranscript = key;
    var box = $("transcript");
    while (box.firstChild) box.removeChild(box.firstChild);
    var labels = { patient: "Patient", bot: "Bot", system: "" };
    data.messages.forEach(function (line) {
      var who = line.from === "staff" ? (line.staff || "Staff") : labels[line.from];
      box.appendChild(el("p", { class: "line line-" + line.from }, [
        who ? el("span", { class: "who", text: who + ":" }) : null,
        document.createTextNode(line.text || ""),
      ]));
    });
    box.scrollTop = box.scrollHeight;
    var mine = data.taken_over_by === state.email;
    $("conversation-meta").textContent = "Channel: " + channelName(data.channel) +
      (data.urgency ? "; urgency: " + data.urgency : "") +
      (data.taken_over_by ? "; taken over by " + data.taken_over_by : "; the bot is answering");
    $("take-over").hidden = !!data.taken_over_by;
    $("release").hidden = !mine;
    $("reply-form").hidden = !mine;
  }

  function loadConversation() {
    if (!state.open) return;
    api("GET", "/console/api/conversations/" + encodeURIComponent(state.open)).then(renderTranscript)
      .catch(function (error) { $("conversation-status").textContent = error.message; });
  }

  function openConversation(id) {
    state.open = id;
    state.lastTranscript = "";
    $("conversation").hidden = false;
    $("conversation-title").textContent = "Conversation " + id;
    $("conversation-status").textContent = "";
    loadConversation();
    $("conversation-title").setAttribute("tabindex", "-1");
    $("conversation-title").focus();
  }

  function conversationAction(action, body) {
    return api("POST", "/console/api/conversations/" + encodeURIComponent(state.open) + "/" + action, body)
      .then(function (result) { loadConversation(); pollQueue(); return result; })
      .catch(function (error) { $("conversation-status").textContent = error.message; throw error; });
  }

  // ------------------------------------------------------------------ unanswered

  function loadUnanswered() {
    api("GET", "/console/api/unanswered").then(function (data) {
      var list = $("unanswered-list");
      while (list.firstChild) list.removeChild(list.firstChild);
      data.items.forEach(function (item) {
        list.appendChild(el("li", { text: when(item.at) + ": " + (item.text || "") }));
      });
      if (!data.items.length) list.appendChild(el("li", { text: "None so far." }));
    }).catch(function () {});
  }

  // ------------------------------------------------------------------ start

  function start() {
    api("GET", "/console/api/session").then(function (session) {
      state.csrf = session.csrf_token;
      state.email = session.email;
      $("who").textContent = session.email + " (" + session.role.replace("_", " ") + ")";
      pollQueue();
      loadUnanswered();
      setInterval(pollQueue, POLL_MS);
      setInterval(loadConversation, POLL_MS);
    });
    $("sign-out").addEventListener("click", function () {
      api("POST", "/console/logout").then(function () { window.location.reload(); });
    });
    $("take-over").addEventListener("click", function () {
      conversationAction("takeover").then(function () { $("reply").focus(); });
    });
    $("release").addEventListener("click", function () { conversationAction("release"); });
    $("reply-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var text = $("reply").value.trim();
      if (!text) return;
      conversationAction("messages", { text: text }).then(function (result) {
        $("reply").value = "";
        $("conversation-status").textContent = result.delivery === "delivered" ? "Sent." :
          result.delivery === "stored_only" ? "Saved in the conversation; this channel cannot receive it live." :
          result.delivery === "opted_out" ? "Saved in the conversation, not texted: the patient opted out of SMS." :
          "Saved, but delivery failed.";
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
