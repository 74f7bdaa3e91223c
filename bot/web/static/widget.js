/*
 * Dry needling FAQ chat widget. Embed with one tag (see docs/widget.md):
 *
 *   <script src="https://bot.example/chat/widget.js" data-server="https://bot.example"
 *     data-clinic-name="Harbour Physio" data-emergency-number="911"
 *     data-primary-color="#0b6e4f" defer></script>
 *
 * It loads the socket.io client and widget.css from the same server, and talks to Rasa's
 * socketio channel (session_persistence on): session_request / session_confirm,
 * user_uttered / bot_uttered. Rasa does not replay a conversation on reconnect, so the
 * visible history is kept in localStorage beside the session id and drawn again on load.
 *
 * Languages (docs/widget.md): the widget's own words come from STRINGS, one table per
 * language. It starts in the clinic's first language (config.json "languages"), unless
 * the tag's data-lang says otherwise, or the page (<html lang>) or the browser is in
 * another language the clinic offers; each bot reply says its language
 * (metadata.language) and the widget follows it at once, for the rest of the conversation.
 *
 * Everything the bot or the user says is put into the page with textContent, never as HTML.
 */
(function () {
  "use strict";

  if (window.DryNeedlingChat) return; // the tag was included twice

  var MAX_MESSAGE_CHARS = 2000; // bot/settings.py MAX_MESSAGE_CHARS
  var MAX_HISTORY_ITEMS = 200;
  // Health questions on a shared computer: forget the conversation after a day unused.
  var HISTORY_TTL_MS = 24 * 60 * 60 * 1000;
  var REPLY_TIMEOUT_MS = 20000;
  // Used to spot emergency replies only when neither the tag nor the server names a number.
  var COMMON_EMERGENCY_NUMBERS = ["911", "999", "112", "000"];
  var ASSET_PATH = "/chat/";

  // The widget's own words, one table per language ({number}, {clinic} are filled in).
  var STRINGS = {
    en: {
      launcher: "Questions?",
      launcherLabel: "Chat: questions about dry needling",
      title: "Dry needling questions",
      titleWithClinic: "{clinic}: dry needling questions",
      conversation: "Conversation",
      placeholder: "Ask about dry needling\u2026",
      inputLabel: "Your question",
      send: "Send",
      clear: "Clear",
      clearLabel: "Clear this conversation and start a new one",
      closeLabel: "Close chat",
      typing: "The assistant is typing",
      disclaimer: "General information, not medical advice. In an emergency call {number} now.",
      localNumber: "your local emergency number",
      suggested: "Suggested replies",
      you: "You",
      assistant: "Assistant",
      staff: "Clinic staff",
      urgent: "Urgent: ",
      call: "Call {number}",
      mayBeEmergency: "This may be an emergency. Call {number} now.",
      noAnswer: "No answer yet: the assistant may be busy. In an emergency call {number} now.",
      cleared: "Conversation cleared.",
      reconnecting: "Connection lost, reconnecting\u2026",
      unreachable: "Can't reach the assistant right now. Retrying\u2026",
      unavailable: "The chat is unavailable right now.",
      unavailableEmergency: "The chat is unavailable right now. In an emergency call {number} now.",
    },
    es: {
      launcher: "\u00BFPreguntas?",
      launcherLabel: "Chat: preguntas sobre la punci\u00F3n seca",
      title: "Preguntas sobre la punci\u00F3n seca",
      titleWithClinic: "{clinic}: preguntas sobre la punci\u00F3n seca",
      conversation: "Conversaci\u00F3n",
      placeholder: "Pregunte sobre la punci\u00F3n seca\u2026",
      inputLabel: "Su pregunta",
      send: "Enviar",
      clear: "Borrar",
      clearLabel: "Borrar esta conversaci\u00F3n y empezar otra",
      closeLabel: "Cerrar el chat",
      typing: "El asistente est\u00E1 escribiendo",
      disclaimer: "Informaci\u00F3n general, no consejo m\u00E9dico. En una emergencia, llame al {number} ahora.",
      localNumber: "n\u00FAmero de emergencias local",
      suggested: "Respuestas sugeridas",
      you: "Usted",
      assistant: "Asistente",
      staff: "Personal de la cl\u00EDnica",
      urgent: "Urgente: ",
      call: "Llamar al {number}",
      mayBeEmergency: "Esto puede ser una emergencia. Llame al {number} ahora.",
      noAnswer: "Todav\u00EDa no hay respuesta: el asistente puede estar ocupado. En una emergencia, llame al {number} ahora.",
      cleared: "Conversaci\u00F3n borrada.",
      reconnecting: "Se perdi\u00F3 la conexi\u00F3n; reconectando\u2026",
      unreachable: "No se puede contactar con el asistente ahora. Reintentando\u2026",
      unavailable: "El chat no est\u00E1 disponible ahora.",
      unavailableEmergency: "El chat no est\u00E1 disponible ahora. En una emergencia, llame al {number} ahora.",
    },
  };

  var script = document.currentScript || findOwnScript();
  var options = readOptions(script);
  var storageKey = "dry-needling-chat:" + options.server;

  var state = {
    language: "en", // the widget's words
    conversationLanguage: null, // the language of the bot's last reply (kept with the history)
    languages: ["en", "es"], // the clinic's (config.json), first = its default
    sessionId: null,
    confirmed: false,
    queue: [], // messages typed before the session was confirmed
    history: [],
    socket: null,
    connecting: null,
    open: false,
    replyTimer: null,
    emergencyNumbers: [],
  };
  var ui = {};

  // ---------------------------------------------------------------- options

  function findOwnScript() {
    var scripts = document.getElementsByTagName("script");
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/\/chat\/widget\.js(\?|#|$)/.test(scripts[i].src)) return scripts[i];
    }
    return null;
  }

  function readOptions(el) {
    var data = (el && el.dataset) || {};
    var server = data.server;
    if (!server && el && el.src) {
      // https://bot.example/prefix/chat/widget.js -> https://bot.example/prefix
      server = el.src.replace(/\/chat\/widget\.js([?#].*)?$/, "");
    }
    var base = new URL(server || window.location.href, window.location.href);
    var prefix = base.pathname.replace(/\/+$/, "");
    return {
      server: base.origin + prefix,
      origin: base.origin,
      socketPath: prefix + "/socket.io/",
      clinicName: clean(data.clinicName),
      emergencyNumber: clean(data.emergencyNumber),
      primaryColor: clean(data.primaryColor),
      title: clean(data.title),
      lang: languageCode(data.lang || data.language),
    };
  }

  function clean(value) {
    return typeof value === "string" && value.trim() ? value.trim() : null;
  }

  function asset(name) {
    return options.server + ASSET_PATH + name;
  }

  // ---------------------------------------------------------------- language

  // "es-MX" -> "es"; null for a language the widget has no strings for.
  function languageCode(tag) {
    if (typeof tag !== "string" || !tag.trim()) return null;
    var code = tag.trim().toLowerCase().split(/[-_]/)[0];
    return Object.prototype.hasOwnProperty.call(STRINGS, code) ? code : null;
  }

  function offered(code) {
    return code && state.languages.indexOf(code) >= 0;
  }

  // The conversation's language when the bot has replied; else the tag's data-lang; else
  // a page or browser language the clinic offers other than its first; else its first.
  function chooseLanguage() {
    if (offered(state.conversationLanguage)) return state.conversationLanguage;
    if (offered(options.lang)) return options.lang;
    var signals = [document.documentElement.lang].concat(
      navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
    for (var i = 0; i < signals.length; i++) {
      var code = languageCode(signals[i]);
      if (offered(code) && code !== state.languages[0]) return code;
    }
    return state.languages[0];
  }

  // A string of the current language, with {name} values filled in.
  function t(key, values) {
    var table = STRINGS[state.language] || STRINGS.en;
    var text = table[key] !== undefined ? table[key] : STRINGS.en[key];
    return text.replace(/\{(\w+)\}/g, function (m, name) {
      return values && values[name] !== undefined ? values[name] : m;
    });
  }

  function emergencyNumberText() {
    return options.emergencyNumber || t("localNumber");
  }

  // ---------------------------------------------------------------- storage

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(storageKey) || "null");
      if (saved && Date.now() - saved.savedAt < HISTORY_TTL_MS) {
        state.sessionId = typeof saved.sessionId === "string" ? saved.sessionId : null;
        state.history = Array.isArray(saved.history) ? saved.history : [];
        state.conversationLanguage = languageCode(saved.language);
      } else if (saved) {
        window.localStorage.removeItem(storageKey);
      }
    } catch (e) {
      /* storage blocked or corrupt: start afresh, in memory only */
    }
  }

  function save() {
    state.history = state.history.slice(-MAX_HISTORY_ITEMS);
    try {
      window.localStorage.setItem(
        storageKey,
        JSON.stringify({
          sessionId: state.sessionId, history: state.history, language: state.conversationLanguage, savedAt: Date.now(),
        })
      );
    } catch (e) {
      /* storage full or blocked: the conversation still works, it just won't survive a reload */
    }
  }

  // ---------------------------------------------------------------- loading

  function loadStylesheet() {
    return new Promise(function (resolve) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = asset("widget.css");
      link.onload = link.onerror = function () { resolve(); };
      setTimeout(resolve, 3000);
      document.head.appendChild(link);
    });
  }

  // Loads our pinned socket.io client without replacing a different `io` the page may use.
  function loadSocketIo() {
    return new Promise(function (resolve, reject) {
      var hadIo = Object.prototype.hasOwnProperty.call(window, "io");
      var pageIo = window.io;
      var el = document.createElement("script");
      el.src = asset("socket.io.min.js");
      el.async = true;
      el.onload = function () {
        var ours = window.io;
        if (hadIo) window.io = pageIo;
        else try { delete window.io; } catch (e) { window.io = undefined; }
        if (typeof ours === "function") resolve(ours);
        else reject(new Error("socket.io client did not load"));
      };
      el.onerror = function () { reject(new Error("socket.io client could not be fetched")); };
      document.head.appendChild(el);
    });
  }

  function loadServerConfig() {
    if (!window.fetch) return Promise.resolve({});
    return window
      .fetch(asset("config.json"), { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .catch(function () { return {}; });
  }

  // ---------------------------------------------------------------- colours

  // Text on the primary colour is white or near-black, whichever contrasts more (WCAG).
  function applyPrimaryColor(root, value) {
    if (!value) return;
    var probe = document.createElement("span");
    probe.style.color = value;
    if (!probe.style.color) return; // not a CSS colour: keep the default
    document.body.appendChild(probe);
    var rgb = window.getComputedStyle(probe).color.match(/\d+(\.\d+)?/g);
    document.body.removeChild(probe);
    if (!rgb || rgb.length < 3) return;
    var lum = luminance(+rgb[0], +rgb[1], +rgb[2]);
    var onWhite = 1.05 / (lum + 0.05);
    var onDark = (lum + 0.05) / (luminance(17, 17, 17) + 0.05);
    root.style.setProperty("--dnw-primary", value);
    root.style.setProperty("--dnw-on-primary", onWhite >= onDark ? "#ffffff" : "#111111");
  }

  function luminance(r, g, b) {
    var c = [r, g, b].map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  // ---------------------------------------------------------------- DOM helpers

  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") el.textContent = value;
      else if (name === "className") el.className = value;
      else if (name.slice(0, 2) === "on") el.addEventListener(name.slice(2), value);
      else el.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child) el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return el;
  }

  function telHref(number) {
    return "tel:" + String(number).replace(/[^0-9+*#]/g, "");
  }

  // Text with http(s) links made clickable; everything else stays plain text.
  function richText(text) {
    var frag = document.createDocumentFragment();
    var re = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;
    var last = 0;
    var m;
    while ((m = re.exec(text))) {
      if (m.index > last) frag.appendChild(document.createTextNode(text.slice(last, m.index)));
      frag.appendChild(h("a", { href: m[0], target: "_blank", rel: "noopener noreferrer", text: m[0] }));
      last = m.index + m[0].length;
    }
    if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  // ---------------------------------------------------------------- the widget

  // A speech bubble drawn in SVG: emoji fonts are missing on some systems.
  function chatIcon() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("class", "dnw-launcher-icon");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z");
    path.setAttribute("fill", "currentColor");
    svg.appendChild(path);
    return svg;
  }

  function build() {
    ui.root = h("div", { className: "dnw-root", "data-dnw": "" });
    applyPrimaryColor(ui.root, options.primaryColor);

    ui.launcherText = h("span");
    ui.launcher = h("button", {
      type: "button",
      className: "dnw-launcher",
      "aria-expanded": "false",
      "aria-controls": "dnw-panel",
      onclick: function () { state.open ? close() : open(); },
    }, [chatIcon(), ui.launcherText]);

    ui.log = h("div", {
      className: "dnw-log",
      role: "log",
      "aria-live": "polite",
      tabindex: "0",
    });

    ui.input = h("input", {
      id: "dnw-input",
      className: "dnw-input",
      type: "text",
      autocomplete: "off",
      maxlength: String(MAX_MESSAGE_CHARS),
    });

    ui.typingText = h("span", { className: "dnw-sr-only" });
    ui.typing = h("div", { className: "dnw-typing", hidden: true }, [
      h("span", { className: "dnw-dot", "aria-hidden": "true" }),
      h("span", { className: "dnw-dot", "aria-hidden": "true" }),
      h("span", { className: "dnw-dot", "aria-hidden": "true" }),
      ui.typingText,
    ]);
    ui.status = h("div", { className: "dnw-status", role: "status" });

    ui.disclaimer = h("p", { className: "dnw-disclaimer" });
    ui.title = h("h2", { id: "dnw-title", className: "dnw-title" });
    ui.clear = h("button", { type: "button", className: "dnw-clear", onclick: clearConversation });
    ui.close = h("button", {
      type: "button", className: "dnw-close",
      onclick: function () { close(); },
    }, [h("span", { "aria-hidden": "true", text: "\u00D7" })]);
    ui.send = h("button", { type: "submit", className: "dnw-send" });

    ui.panel = h("section", {
      id: "dnw-panel",
      className: "dnw-panel",
      role: "dialog",
      "aria-labelledby": "dnw-title",
      hidden: true,
      onkeydown: function (e) {
        if (e.key === "Escape" || e.key === "Esc") {
          e.preventDefault();
          close();
        }
      },
    }, [
      h("div", { className: "dnw-header" }, [ui.title, ui.clear, ui.close]),
      ui.disclaimer,
      ui.log,
      ui.typing,
      ui.status,
      h("form", {
        className: "dnw-form",
        onsubmit: function (e) {
          e.preventDefault();
          var text = ui.input.value;
          if (!text.trim()) return;
          ui.input.value = "";
          send(text.trim(), text.trim());
        },
      }, [ui.input, ui.send]),
    ]);

    ui.root.appendChild(ui.panel);
    ui.root.appendChild(ui.launcher);
    document.body.appendChild(ui.root);

    applyLanguage();
  }

  // Every word of the widget in state.language; the conversation is drawn again (its
  // "You:" / "Call ..." labels are the widget's words too).
  function applyLanguage() {
    ui.root.setAttribute("lang", state.language);
    ui.launcher.setAttribute("aria-label", t("launcherLabel"));
    ui.launcherText.textContent = t("launcher");
    ui.title.textContent = options.title ||
      (options.clinicName ? t("titleWithClinic", { clinic: options.clinicName }) : t("title"));
    ui.clear.textContent = t("clear");
    ui.clear.setAttribute("aria-label", t("clearLabel"));
    ui.close.setAttribute("aria-label", t("closeLabel"));
    ui.log.setAttribute("aria-label", t("conversation"));
    ui.input.setAttribute("placeholder", t("placeholder"));
    ui.input.setAttribute("aria-label", t("inputLabel"));
    ui.typingText.textContent = t("typing");
    ui.send.textContent = t("send");
    renderDisclaimer(options.emergencyNumber);
    redraw();
  }

  function setLanguage(code) {
    if (!offered(code) || code === state.language) return;
    state.language = code;
    if (ui.root) applyLanguage();
  }

  // The disclaimer's sentence, the emergency number a tel: link where {number} is.
  function renderDisclaimer(number) {
    var d = ui.disclaimer;
    while (d.firstChild) d.removeChild(d.firstChild);
    var parts = t("disclaimer").split("{number}");
    d.appendChild(document.createTextNode(parts[0]));
    if (number) d.appendChild(h("a", { href: telHref(number), text: number }));
    else d.appendChild(document.createTextNode(t("localNumber")));
    if (parts.length > 1) d.appendChild(document.createTextNode(parts[1]));
  }

  function open() {
    if (state.open) return;
    state.open = true;
    ui.panel.hidden = false;
    ui.root.classList.add("dnw-open");
    ui.launcher.setAttribute("aria-expanded", "true");
    scrollToEnd();
    ui.input.focus();
    connect();
  }

  function close() {
    if (!state.open) return;
    state.open = false;
    ui.panel.hidden = true;
    ui.root.classList.remove("dnw-open");
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.focus();
  }

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function setStatus(text, kind) {
    ui.status.textContent = text || "";
    state.statusKind = text ? kind || "notice" : null;
  }

  function showTyping(on) {
    ui.typing.hidden = !on;
    clearTimeout(state.replyTimer);
    if (on) {
      state.replyTimer = setTimeout(function () {
        ui.typing.hidden = true;
        setStatus(t("noAnswer", { number: emergencyNumberText() }));
      }, REPLY_TIMEOUT_MS);
    }
  }

  // ---------------------------------------------------------------- messages

  function isEmergencyText(text) {
    var numbers = state.emergencyNumbers.length ? state.emergencyNumbers : COMMON_EMERGENCY_NUMBERS;
    return numbers.some(function (n) {
      var escaped = n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      // A message that opens with the instruction, in English or Spanish: "Call 999 now
      // ...", "**Call 999**", "Please call 999 now if ...", "Llame al 999 ahora",
      // "Por favor, llame al 999". Not answers that mention it in passing ("Chest pain or
      // heavy bleeding: call 999 now"): an FAQ answer about bruising must not look like an
      // emergency.
      return new RegExp("^[\\s*_\"'\u201C\u00A1]*((please|por favor),?\\s+)?" +
        "(call|dial|ring|phone|llame|llama|marque|marca)\\s+((al|el)\\s+)?[*_\"'\u201C]*" + escaped + "(?![0-9-])", "i").test(text);
    });
  }

  // Rasa's custom payloads reach socket.io as they are (`custom: {data: {...}}` in the
  // domain). One that says urgency "emergency" is drawn as an alert, like a message that
  // opens by telling the person to call the emergency number.
  function fromBot(msg) {
    if (!msg || typeof msg !== "object") return null;
    var text = typeof msg.text === "string" ? msg.text : "";
    var raw = Array.isArray(msg.quick_replies) && msg.quick_replies.length ? msg.quick_replies : msg.buttons;
    var chips = (Array.isArray(raw) ? raw : [])
      .filter(function (b) { return b && typeof b.title === "string" && b.title; })
      .map(function (b) { return { title: b.title, payload: typeof b.payload === "string" ? b.payload : b.title }; });
    var image = msg.attachment && msg.attachment.type === "image" && msg.attachment.payload && msg.attachment.payload.src;
    var flagged = msg.urgency === "emergency" || msg.emergency === true;
    if (flagged && !text && !chips.length && !image) {
      return { from: "bot", flagOnly: true };
    }
    if (!text && !chips.length && !image) return null;
    var item = { from: "bot", text: text };
    if (msg.staff === true) item.staff = true; // written by a person at the clinic (live handoff)
    if (chips.length) item.chips = chips;
    if (typeof image === "string" && /^https?:\/\//.test(image)) item.image = image;
    if (flagged || isEmergencyText(text)) item.alert = true;
    return item;
  }

  function render(item, isLast) {
    var who = item.from === "user" ? t("you") : item.staff ? t("staff") : t("assistant");
    var bubble;
    if (item.alert) {
      var number = options.emergencyNumber || state.emergencyNumbers[0];
      bubble = h("div", { className: "dnw-msg dnw-msg-bot dnw-alert", role: "alert" }, [
        h("span", { className: "dnw-sr-only", text: t("urgent") }),
        h("p", { className: "dnw-text" }, [richText(item.text)]),
        number ? h("a", { className: "dnw-call", href: telHref(number), text: t("call", { number: number }) }) : null,
      ]);
    } else {
      bubble = h("div", { className: "dnw-msg dnw-msg-" + (item.from === "user" ? "user" : "bot") + (item.staff ? " dnw-msg-staff" : "") }, [
        h("span", { className: "dnw-sr-only", text: who + ": " }),
        item.text ? h("p", { className: "dnw-text" }, [richText(item.text)]) : null,
        item.image ? h("img", { className: "dnw-image", src: item.image, alt: "" }) : null,
      ]);
    }
    ui.log.appendChild(bubble);
    if (item.chips && isLast) renderChips(item.chips);
    scrollToEnd();
  }

  function renderChips(chips) {
    var group = h("div", { className: "dnw-chips", role: "group", "aria-label": t("suggested") });
    chips.forEach(function (chip) {
      group.appendChild(h("button", {
        type: "button",
        className: "dnw-chip",
        text: chip.title,
        onclick: function () { send(chip.payload, chip.title); ui.input.focus(); },
      }));
    });
    ui.log.appendChild(group);
  }

  function removeChips() {
    var groups = ui.log.querySelectorAll(".dnw-chips");
    for (var i = 0; i < groups.length; i++) groups[i].parentNode.removeChild(groups[i]);
  }

  function add(item) {
    state.history.push(item);
    save();
    render(item, true);
  }

  function send(message, shownAs) {
    message = message.slice(0, MAX_MESSAGE_CHARS);
    removeChips();
    setStatus("");
    add({ from: "user", text: shownAs });
    showTyping(true);
    if (state.confirmed && state.socket && state.socket.connected) emit(message);
    else {
      state.queue.push(message);
      connect();
    }
  }

  function emit(message) {
    var data = { message: message, session_id: state.sessionId };
    // Until the bot has answered, the widget's language tells it which language to answer
    // in when the message's own is unclear ("ok"); the patient's words always win.
    if (!state.conversationLanguage) data.metadata = { language: state.language };
    state.socket.emit("user_uttered", data);
  }

  // A bot reply says its language (metadata.language): the conversation's from now on.
  function followReplyLanguage(msg) {
    var code = languageCode(msg && msg.metadata && msg.metadata.language);
    if (!offered(code) || (msg && msg.staff === true)) return;
    if (state.conversationLanguage !== code) {
      state.conversationLanguage = code;
      save();
    }
    setLanguage(code);
  }

  function receive(msg) {
    var item = fromBot(msg);
    if (!item) return;
    followReplyLanguage(msg);
    showTyping(false);
    setStatus("");
    if (item.flagOnly) {
      // Rasa sends a response's custom data after its text: mark that text as the alert.
      var last = state.history[state.history.length - 1];
      if (last && last.from === "bot") {
        last.alert = true;
        save();
        redraw();
        return;
      }
      item = { from: "bot", text: t("mayBeEmergency", { number: emergencyNumberText() }), alert: true };
    }
    removeChips();
    add(item);
  }

  function redraw() {
    while (ui.log.firstChild) ui.log.removeChild(ui.log.firstChild);
    state.history.forEach(function (item, i) { render(item, i === state.history.length - 1); });
  }

  function clearConversation() {
    state.history = [];
    state.sessionId = null;
    state.confirmed = false;
    state.queue = [];
    state.conversationLanguage = null;
    save();
    state.language = chooseLanguage();
    applyLanguage(); // redraws the (empty) conversation
    showTyping(false);
    if (state.socket) {
      // A new connection leaves the old conversation's room.
      state.socket.disconnect();
      state.socket.connect();
    }
    setStatus(t("cleared"));
    ui.input.focus();
  }

  // ---------------------------------------------------------------- socket.io

  function connect() {
    if (state.connecting) return state.connecting;
    state.connecting = ready.then(function (io) {
      var socket = io(options.origin, { path: options.socketPath });
      state.socket = socket;
      socket.on("connect", function () {
        state.confirmed = false;
        socket.emit("session_request", { session_id: state.sessionId });
      });
      socket.on("session_confirm", function (data) {
        var id = typeof data === "string" ? data : data && data.session_id;
        if (!id) return;
        state.sessionId = id;
        state.confirmed = true;
        save();
        // Clear only connection trouble: a "no answer yet" notice must stay visible.
        if (state.statusKind === "connection") setStatus("");
        var queued = state.queue;
        state.queue = [];
        queued.forEach(emit);
      });
      socket.on("bot_uttered", receive);
      socket.on("disconnect", function (reason) {
        state.confirmed = false;
        if (state.open && reason !== "io client disconnect") setStatus(t("reconnecting"), "connection");
      });
      socket.on("connect_error", function () {
        if (state.open) setStatus(t("unreachable"), "connection");
      });
    }, function () {
      setStatus(options.emergencyNumber ? t("unavailableEmergency", { number: options.emergencyNumber }) : t("unavailable"));
      showTyping(false);
      state.connecting = null;
      ready = loadSocketIo(); // try again on the next message or open
      ready.catch(function () {});
    });
    return state.connecting;
  }

  // ---------------------------------------------------------------- start

  var ready = loadSocketIo();
  ready.catch(function () { /* reported when the chat is opened */ });

  function start() {
    load();
    Promise.all([loadStylesheet(), loadServerConfig()]).then(function (results) {
      var server = results[1] || {};
      if (Array.isArray(server.languages)) {
        var languages = server.languages.map(languageCode).filter(function (c) { return c; });
        if (languages.length) state.languages = languages;
      }
      state.language = chooseLanguage();
      if (!options.clinicName && typeof server.clinic_name === "string") options.clinicName = server.clinic_name;
      if (!options.emergencyNumber && typeof server.emergency_number === "string") options.emergencyNumber = server.emergency_number;
      [options.emergencyNumber, server.emergency_number].forEach(function (n) {
        if (typeof n === "string" && n && state.emergencyNumbers.indexOf(n) < 0) state.emergencyNumbers.push(n);
      });
      if (server.emergency_number && options.emergencyNumber !== server.emergency_number && window.console) {
        console.warn("Chat widget: data-emergency-number (" + options.emergencyNumber +
          ") differs from the bot's EMERGENCY_NUMBER (" + server.emergency_number + ").");
      }
      build();
    });
  }

  window.DryNeedlingChat = {
    open: function () { if (ui.panel) open(); },
    close: function () { if (ui.panel) close(); },
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
