// "Open now" / "Closed now, opens ..." computed in the browser from the
// structured weekly hours, so a page from the offline cache is never stale.
(function () {
  "use strict";
  var modules = (window.wellbeingModules = window.wellbeingModules || {});
  var WEEK = 7 * 1440;
  var DAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

  // Minutes since Monday 00:00, London wall-clock time.
  function minuteOfWeek(date) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
    return DAYS[parts.weekday] * 1440 + Number(parts.hour) * 60 + Number(parts.minute);
  }

  function isOpen(intervals, minute) {
    return intervals.some(function (pair) {
      return (pair[0] <= minute && minute < pair[1]) || (pair[0] <= minute + WEEK && minute + WEEK < pair[1]);
    });
  }

  function nextOpening(intervals, minute) {
    return intervals.reduce(function (best, pair) {
      return Math.min(best, (((pair[0] - minute) % WEEK) + WEEK) % WEEK);
    }, WEEK) + minute;
  }

  // As the server writes it: "midday" and "midnight", not "12pm" and "12am".
  function timeWords(minute, element) {
    var hour = Math.floor((minute % 1440) / 60);
    var mins = minute % 60;
    if (!mins && hour % 12 === 0) {
      return element.getAttribute(hour ? "data-midday" : "data-midnight");
    }
    var h12 = hour % 12 || 12;
    var suffix = element.getAttribute(hour < 12 ? "data-am" : "data-pm");
    return h12 + (mins ? ":" + (mins < 10 ? "0" : "") + mins : "") + suffix;
  }

  function update(element, hours) {
    var now = minuteOfWeek(new Date());
    var text;
    if (hours.always || isOpen(hours.open, now)) {
      text = element.getAttribute("data-open");
    } else {
      var at = nextOpening(hours.open, now);
      var days = JSON.parse(element.getAttribute("data-days"));
      text = element.getAttribute("data-closed")
        .replace("{day}", days[Math.floor(at / 1440) % 7])
        .replace("{time}", timeWords(at, element));
    }
    // Rewrite only a change: a screen reader reading this line is not interrupted every minute.
    if (element.textContent !== text) {
      element.textContent = text;
      element.className = "wb-open " + (text === element.getAttribute("data-open") ? "wb-open--open" : "wb-open--closed");
    }
    element.hidden = false;
  }

  modules["wb-open-now"] = function (element) {
    var hours;
    try {
      hours = JSON.parse(element.getAttribute("data-hours"));
    } catch (error) {
      return;
    }
    if (!hours.always && !(hours.open && hours.open.length)) {
      return;
    }
    update(element, hours);
    window.setInterval(function () { update(element, hours); }, 60000);
  };
})();
