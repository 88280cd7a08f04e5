/* Filtros de la agenda mensual (mejora progresiva): sin JavaScript se ve todo; con él, unos
 * selectores por institución, área y mecanismo ocultan las filas que no coinciden. Los
 * valores salen de las propias tablas. */
(function () {
  "use strict";
  var contenedor = document.querySelector("[data-filtros]");
  if (!contenedor) { return; }
  var tablas = Array.prototype.slice.call(document.querySelectorAll("article table"));
  var columnas = { "Institución": "Institución", "Área": "Área", "Mecanismo": "Mecanismo" };
  var filtros = [];

  Object.keys(columnas).forEach(function (nombre, indiceFiltro) {
    var valores = {};
    tablas.forEach(function (tabla) {
      var cabeceras = Array.prototype.map.call(tabla.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      var indice = cabeceras.indexOf(nombre);
      if (indice < 0) { return; }
      tabla.querySelectorAll("tbody tr").forEach(function (fila) {
        var celda = fila.children[indice];
        if (celda) { valores[celda.textContent.trim()] = true; }
      });
    });
    var lista = Object.keys(valores).sort();
    if (lista.length < 2) { return; }
    var id = "spen-filtro-" + indiceFiltro;
    var etiqueta = document.createElement("label");
    etiqueta.setAttribute("for", id);
    etiqueta.textContent = columnas[nombre] + ": ";
    var selector = document.createElement("select");
    selector.id = id;
    var todas = document.createElement("option");
    todas.value = "";
    todas.textContent = "Todas";
    selector.appendChild(todas);
    lista.forEach(function (valor) {
      var opcion = document.createElement("option");
      opcion.value = valor;
      opcion.textContent = valor;
      selector.appendChild(opcion);
    });
    selector.addEventListener("change", aplicar);
    etiqueta.appendChild(selector);
    contenedor.appendChild(etiqueta);
    filtros.push({ nombre: nombre, selector: selector });
  });

  function aplicar() {
    tablas.forEach(function (tabla) {
      var cabeceras = Array.prototype.map.call(tabla.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      tabla.querySelectorAll("tbody tr").forEach(function (fila) {
        var visible = filtros.every(function (filtro) {
          var indice = cabeceras.indexOf(filtro.nombre);
          if (indice < 0 || !filtro.selector.value) { return true; }
          return fila.children[indice].textContent.trim() === filtro.selector.value;
        });
        fila.hidden = !visible;
      });
    });
  }

  if (filtros.length) { contenedor.hidden = false; }
})();
