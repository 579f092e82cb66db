// A form posts once: while its request runs, its submit buttons are disabled, so a double click or a second press
// of an impatient user does not send it again. They are disabled after the browser has read the form, so the pressed
// button's name and value are still sent. Back on the page through the browser's history, they work again.
(function () {
    'use strict';

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || event.defaultPrevented || (form.getAttribute('method') || 'get').toLowerCase() !== 'post') {
            return;
        }

        setTimeout(function () {
            form.setAttribute('aria-busy', 'true');
            form.querySelectorAll('button:not([type]), button[type=submit], input[type=submit]').forEach(function (button) {
                if (!button.disabled) {
                    button.disabled = true;
                    button.setAttribute('data-disabled-while-posting', '');
                }
            });
        }, 0);
    });

    // Polled fragments say in a [data-announce] element how their work stands. When a poll changes what one says, it is
    // written into the page's one live region, so a screen reader announces the change, once, and not the whole table.
    var announced = {};
    function readAnnouncements(announce) {
        var region = document.getElementById('live-announcer');
        document.querySelectorAll('[data-announce]').forEach(function (element) {
            var key = element.getAttribute('data-announce');
            var text = element.textContent.trim();
            if (announce && region && Object.prototype.hasOwnProperty.call(announced, key) && announced[key] !== text) {
                region.textContent = text;
            }

            announced[key] = text;
        });
    }

    readAnnouncements(false);
    document.addEventListener('htmx:afterSwap', function () {
        readAnnouncements(true);
    });

    window.addEventListener('pageshow', function () {
        document.querySelectorAll('[data-disabled-while-posting]').forEach(function (button) {
            button.disabled = false;
            button.removeAttribute('data-disabled-while-posting');
        });
        document.querySelectorAll('form[aria-busy=true]').forEach(function (form) {
            form.removeAttribute('aria-busy');
        });
    });
}());
