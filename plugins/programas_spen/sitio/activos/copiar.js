/* Botones «Copiar dirección» de las suscripciones (mejora progresiva): sin JavaScript el botón
 * queda oculto y la dirección se ve como texto, lista para seleccionarla. Con él, el botón copia
 * la dirección de su atributo data-copiar y lo anuncia en su región de estado. */
(function () {
  "use strict";
  if (!navigator.clipboard) { return; }
  var botones = document.querySelectorAll("button[data-copiar]");
  Array.prototype.forEach.call(botones, function (boton) {
    var estado = document.getElementById(boton.getAttribute("aria-describedby") || "");
    boton.hidden = false;
    boton.addEventListener("click", function () {
      navigator.clipboard.writeText(boton.getAttribute("data-copiar")).then(function () {
        if (estado) { estado.textContent = "Dirección copiada."; }
      }, function () {
        if (estado) { estado.textContent = "No se pudo copiar: seleccione la dirección y cópiela."; }
      });
    });
  });
})();
