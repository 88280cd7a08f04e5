/* Botones «Copiar dirección» de las suscripciones (mejora progresiva): sin JavaScript no hay
 * botón y la dirección se ve como texto, lista para seleccionarla. Con él, cada plantilla
 * <template class="spen-copiar-plantilla"> pone su botón, que copia la dirección de su
 * atributo data-copiar y anuncia el resultado en su región de estado. */
(function () {
  "use strict";
  if (!navigator.clipboard) { return; }
  var plantillas = document.querySelectorAll("template.spen-copiar-plantilla");
  Array.prototype.forEach.call(plantillas, function (plantilla) {
    var copia = document.importNode(plantilla.content, true);
    var boton = copia.querySelector("button[data-copiar]");
    var estado = copia.querySelector("[role=status]");
    plantilla.parentNode.insertBefore(copia, plantilla.nextSibling);
    boton.addEventListener("click", function () {
      navigator.clipboard.writeText(boton.getAttribute("data-copiar")).then(function () {
        estado.textContent = "Dirección copiada.";
      }, function () {
        estado.textContent = "No se pudo copiar: seleccione la dirección y cópiela.";
      });
    });
  });
})();
