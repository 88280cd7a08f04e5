/* Filtros de las tablas de una página (mejora progresiva): sin JavaScript se ve todo; con él,
 * unos selectores ocultan las filas que no coinciden. Las columnas por las que se filtra son
 * las que nombra el atributo data-filtros del contenedor («Institución|Área»; vacío: las de la
 * agenda mensual) y los valores salen de las propias tablas: el texto visible de cada celda,
 * sin el significado de una sigla que solo leen los lectores de pantalla (.sr-only), y sin las
 * celdas vacías o con «—» (no son un valor por el que filtrar). */
(function () {
  "use strict";
  var contenedor = document.querySelector("[data-filtros]");
  if (!contenedor) { return; }
  var tablas = Array.prototype.slice.call(document.querySelectorAll("article table"));
  var pedidas = (contenedor.getAttribute("data-filtros") || "").split("|").filter(function (n) { return n; });
  var nombres = pedidas.length ? pedidas : ["Institución", "Área", "Mecanismo"];
  var sinValor = { "": true, "—": true };

  function valorDe(celda) {
    if (!celda) { return ""; }
    var copia = celda.cloneNode(true);
    Array.prototype.forEach.call(copia.querySelectorAll(".sr-only"), function (oculto) {
      oculto.parentNode.removeChild(oculto);
    });
    return copia.textContent.replace(/\s+/g, " ").trim();
  }
  var filtros = [];

  nombres.forEach(function (nombre, indiceFiltro) {
    var valores = {};
    tablas.forEach(function (tabla) {
      var cabeceras = Array.prototype.map.call(tabla.querySelectorAll("thead th"), function (th) {
        return th.textContent.trim();
      });
      var indice = cabeceras.indexOf(nombre);
      if (indice < 0) { return; }
      tabla.querySelectorAll("tbody tr").forEach(function (fila) {
        var valor = valorDe(fila.children[indice]);
        if (!sinValor[valor]) { valores[valor] = true; }
      });
    });
    var lista = Object.keys(valores).sort(function (a, b) { return a.localeCompare(b, "es"); });
    if (lista.length < 2) { return; }
    var id = "spen-filtro-" + indiceFiltro;
    var etiqueta = document.createElement("label");
    etiqueta.setAttribute("for", id);
    etiqueta.textContent = nombre + ": ";
    var selector = document.createElement("select");
    selector.id = id;
    var todas = document.createElement("option");
    todas.value = "";
    todas.textContent = "Cualquiera";
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
          return valorDe(fila.children[indice]) === filtro.selector.value;
        });
        fila.hidden = !visible;
      });
    });
  }

  if (filtros.length) { contenedor.hidden = false; }
})();
