// The self-check: an answer is committed with "Check my answer"; only then is the answer,
// its reason and any accepted alternative put on the page. Progress is kept in
// localStorage under one key per outline and language; where storage is refused (some
// browsers on file:// pages) the check still works for the visit.
(function () {
  "use strict";
  var answers = JSON.parse(document.getElementById("answers").textContent);
  var ui = JSON.parse(document.getElementById("ui").textContent);
  var items = document.querySelectorAll("fieldset.item");
  var state = load();

  function load() {
    try {
      var raw = window.localStorage.getItem(ui.key);
      var parsed = raw ? JSON.parse(raw) : {};
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch (e) {
      return {};
    }
  }

  function save() {
    try {
      window.localStorage.setItem(ui.key, JSON.stringify(state));
    } catch (e) { /* storage refused: progress lasts for this visit only */ }
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function verdict(answer, kind) {
    if (kind === answer.kind) { return "right"; }
    for (var i = 0; i < answer.accept.length; i++) {
      if (answer.accept[i].kind === kind) { return "accepted"; }
    }
    return "wrong";
  }

  function para(parent, text, className) {
    var p = document.createElement("p");
    if (className) { p.className = className; }
    p.textContent = text;
    parent.appendChild(p);
    return p;
  }

  function labelled(parent, label, text) {
    var p = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = label + ui.colon;
    p.appendChild(strong);
    p.appendChild(document.createTextNode(text));
    parent.appendChild(p);
  }

  function chosen(index) {
    var checked = items[index].querySelector("input[type=radio]:checked");
    return checked ? checked.value : null;
  }

  function reveal(index, moveFocus) {
    var item = items[index];
    var answer = answers[index];
    var entry = state[index];
    var box = item.querySelector(".feedback");
    var result = verdict(answer, entry.kind);
    box.textContent = "";
    box.className = "feedback " + result;
    para(box, ui["answer_" + result], "verdict");
    labelled(box, ui.quiz_answer, answer.word + (answer.status ? " · " + answer.status : ""));
    if (answer.why) { labelled(box, ui.why, answer.why); }
    if (answer.accept.length) {
      para(box, ui.answer_also_accepted + ui.colon.replace(/\s+$/, ""), "");
      var list = document.createElement("ul");
      answer.accept.forEach(function (alt) {
        var li = document.createElement("li");
        li.textContent = alt.word + " — " + alt.why;
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    item.querySelectorAll("input[type=radio]").forEach(function (radio) {
      radio.checked = radio.value === entry.kind;
      radio.disabled = true;
    });
    item.querySelector("textarea").readOnly = true;
    item.querySelector("button.check").hidden = true;
    if (moveFocus) { box.focus(); }
  }

  function score() {
    var right = 0, answered = 0;
    for (var i = 0; i < answers.length; i++) {
      if (state[i] && state[i].done) {
        answered += 1;
        if (verdict(answers[i], state[i].kind) !== "wrong") { right += 1; }
      }
    }
    document.getElementById("score").textContent =
      format(ui.score, { right: right, total: answers.length, answered: answered });
  }

  function check(index) {
    var kind = chosen(index);
    var box = items[index].querySelector(".feedback");
    if (!kind) {
      box.className = "feedback";
      box.textContent = ui.choose_first;
      items[index].querySelector("input[type=radio]").focus();
      return;
    }
    state[index] = { kind: kind, reason: items[index].querySelector("textarea").value, done: true };
    save();
    reveal(index, true);
    score();
  }

  function draft(index) {
    if (state[index] && state[index].done) { return; }
    state[index] = { kind: chosen(index), reason: items[index].querySelector("textarea").value, done: false };
    save();
  }

  Array.prototype.forEach.call(items, function (item, index) {
    item.querySelector("button.check").addEventListener("click", function () { check(index); });
    item.addEventListener("change", function () { draft(index); });
    item.querySelector("textarea").addEventListener("input", function () { draft(index); });
    var entry = state[index];
    if (!entry || index >= answers.length) { return; }
    item.querySelector("textarea").value = entry.reason || "";
    if (entry.done && (entry.kind === "fact" || entry.kind === "opinion" || entry.kind === "prediction")) {
      reveal(index, false);
    } else if (entry.kind) {
      var radio = item.querySelector("input[value=" + JSON.stringify(entry.kind) + "]");
      if (radio) { radio.checked = true; }
    }
  });

  document.getElementById("start-again").addEventListener("click", function () {
    if (!window.confirm(ui.start_again_confirm)) { return; }
    state = {};
    save();
    Array.prototype.forEach.call(items, function (item) {
      item.querySelectorAll("input[type=radio]").forEach(function (radio) {
        radio.checked = false;
        radio.disabled = false;
      });
      var text = item.querySelector("textarea");
      text.value = "";
      text.readOnly = false;
      item.querySelector("button.check").hidden = false;
      var box = item.querySelector(".feedback");
      box.textContent = "";
      box.className = "feedback";
    });
    score();
    if (items.length) { items[0].querySelector("input[type=radio]").focus(); }
  });

  document.getElementById("selfcheck").addEventListener("submit", function (event) {
    event.preventDefault();
  });
  score();
}());
