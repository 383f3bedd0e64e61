"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// node_modules/chinese-days/dist/index.min.js
var require_index_min = __commonJS({
  "node_modules/chinese-days/dist/index.min.js"(exports2, module2) {
    (function(l, u) {
      typeof exports2 == "object" && typeof module2 < "u" ? u(exports2) : typeof define == "function" && define.amd ? define(["exports"], u) : (l = typeof globalThis < "u" ? globalThis : l || self, u(l.chineseDays = {}));
    })(exports2, function(l) {
      "use strict";
      var yt = Object.defineProperty;
      var wt = (l2, u2, h2) => u2 in l2 ? yt(l2, u2, { enumerable: true, configurable: true, writable: true, value: h2 }) : l2[u2] = h2;
      var g = (l2, u2, h2) => wt(l2, typeof u2 != "symbol" ? u2 + "" : u2, h2);
      const _ = class _2 {
        constructor(t) {
          g(this, "_date");
          if (t instanceof _2) this._date = new Date(t.toDate());
          else if (t instanceof Date) this._date = new Date(t);
          else if (typeof t == "string" || typeof t == "number") if (typeof t == "string") {
            const e = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
            e ? this._date = new Date(Date.UTC(parseInt(e[1], 10), parseInt(e[2], 10) - 1, parseInt(e[3], 10))) : isNaN(new Date(t).getTime()) ? this._date = new Date(t.replace(/-/g, "/")) : this._date = new Date(t);
          } else this._date = new Date(t);
          else this._date = /* @__PURE__ */ new Date();
        }
        toDate() {
          return this._date;
        }
        isValid() {
          return !isNaN(this._date.getTime());
        }
        diff(t, e = "day") {
          const a = new _2(t).toDate(), n = this._date.getTime() - a.getTime();
          switch (e) {
            case "year":
              return this._date.getFullYear() - a.getFullYear();
            case "month":
              return (this._date.getFullYear() - a.getFullYear()) * 12 + (this._date.getMonth() - a.getMonth());
            case "day":
            default:
              return Math.floor(n / (1e3 * 60 * 60 * 24));
          }
        }
        startOf(t) {
          const e = new Date(this._date);
          switch (t) {
            case "year":
              e.setMonth(0), e.setDate(1), e.setHours(0, 0, 0, 0);
              break;
            case "month":
              e.setDate(1), e.setHours(0, 0, 0, 0);
              break;
            case "day":
              e.setHours(0, 0, 0, 0);
              break;
          }
          return new _2(e);
        }
        endOf(t) {
          const e = new Date(this._date);
          switch (t) {
            case "year":
              e.setMonth(11), e.setDate(31), e.setHours(23, 59, 59, 999);
              break;
            case "month":
              e.setDate(new Date(e.getFullYear(), e.getMonth() + 1, 0).getDate()), e.setHours(23, 59, 59, 999);
              break;
            case "day":
              e.setHours(23, 59, 59, 999);
              break;
          }
          return new _2(e);
        }
        add(t, e) {
          const a = new Date(this._date);
          switch (e) {
            case "year":
              a.setFullYear(a.getFullYear() + t);
              break;
            case "month":
              a.setMonth(a.getMonth() + t);
              break;
            case "day":
              a.setDate(a.getDate() + t);
              break;
          }
          return new _2(a);
        }
        subtract(t, e) {
          return this.add(-t, e);
        }
        format(t) {
          const e = { YYYY: this._date.getFullYear(), MM: (this._date.getMonth() + 1).toString().padStart(2, "0"), DD: this._date.getDate().toString().padStart(2, "0"), HH: this._date.getHours().toString().padStart(2, "0"), mm: this._date.getMinutes().toString().padStart(2, "0"), ss: this._date.getSeconds().toString().padStart(2, "0"), dddd: _2.daysOfWeek[this._date.getDay()] };
          return t.replace(/YYYY|MM|DD|HH|mm|ss|dddd/g, (a) => e[a].toString());
        }
        year(t) {
          if (t === void 0) return this._date.getFullYear();
          const e = new Date(this._date);
          return e.setFullYear(t), new _2(e);
        }
        month(t) {
          if (t === void 0) return this._date.getMonth();
          const e = new Date(this._date);
          return e.setMonth(t), new _2(e);
        }
        date(t) {
          if (t === void 0) return this._date.getDate();
          const e = new Date(this._date);
          return e.setDate(t), new _2(e);
        }
        day(t) {
          if (t === void 0) return this._date.getDay();
          {
            const e = this._date.getDay(), a = t - e, n = new Date(this._date);
            return n.setDate(this._date.getDate() + a), new _2(n);
          }
        }
        isBefore(t) {
          const e = new _2(t).toDate();
          return this._date.getTime() < e.getTime();
        }
        isAfter(t) {
          const e = new _2(t).toDate();
          return this._date.getTime() > e.getTime();
        }
        isSame(t, e = "day") {
          const a = new _2(t).toDate();
          switch (e) {
            case "year":
              return this._date.getFullYear() === a.getFullYear();
            case "month":
              return this._date.getFullYear() === a.getFullYear() && this._date.getMonth() === a.getMonth();
            case "day":
            default:
              return this._date.getFullYear() === a.getFullYear() && this._date.getMonth() === a.getMonth() && this._date.getDate() === a.getDate();
          }
        }
        isBetween(t, e, a) {
          const n = new _2(t).startOf(a).toDate(), s = new _2(e).endOf(a).toDate(), o = this.toDate();
          return o >= n && o <= s;
        }
      };
      g(_, "daysOfWeek", ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]);
      let u = _;
      const h = (r) => new u(r), w = (r) => h(r).startOf("day"), p = (r, t) => {
        r = w(r), t = w(t);
        const e = t.diff(r, "day");
        return Array.from({ length: e + 1 }, (a, n) => r.add(n, "day"));
      }, J = { 1999: { "New Year's Day,\u5143\u65E6": 1, "Spring Festival,\u6625\u8282": 3, "Labour Day,\u52B3\u52A8\u8282": 3, "National Day,\u56FD\u5E86\u8282": 3 }, 2008: { "Tomb-sweeping Day,\u6E05\u660E": 1, "Labour Day,\u52B3\u52A8\u8282": 1, "Dragon Boat Festival,\u7AEF\u5348": 1, "Mid-autumn Festival,\u4E2D\u79CB": 1 }, 2015: { "Anti-Fascist 70th Day,\u4E2D\u56FD\u4EBA\u6C11\u6297\u65E5\u6218\u4E89\u66A8\u4E16\u754C\u53CD\u6CD5\u897F\u65AF\u6218\u4E89\u80DC\u522970\u5468\u5E74\u7EAA\u5FF5\u65E5": 1 }, 2025: { "Spring Festival,\u6625\u8282": 4, "Labour Day,\u52B3\u52A8\u8282": 2 } };
      class K {
        constructor() {
          g(this, "dayDetails", {});
          g(this, "holidays", {});
          g(this, "workdays", {});
          g(this, "inLieuDays", {});
        }
        y(t) {
          return this.dayDetails.year = t, this;
        }
        getHolidayDays(t, e) {
          let a = 0;
          for (const [n, s] of Object.entries(J)) {
            if (parseInt(n) > t) break;
            s[e] !== void 0 && (a = s[e]);
          }
          return a;
        }
        mark(t) {
          return this.dayDetails.holiday = t, this;
        }
        save(t, e, a) {
          if (!this.dayDetails.year) throw new Error("should set year before saving holiday");
          if (!this.dayDetails.holiday) throw new Error("should set holiday before saving holiday");
          this.dayDetails.month = t, this.dayDetails.day = e, this.dayDetails.dayType = a;
          const n = h(`${this.dayDetails.year}-${t}-${e}`).format("YYYY-MM-DD"), s = this.getHolidayDays(this.dayDetails.year, this.dayDetails.holiday), o = `${this.dayDetails.holiday},${s}`;
          return a === 2 ? this.holidays[n] = o : a === 1 ? this.workdays[n] = o : a === 3 && (this.inLieuDays[n] = o), this;
        }
        to(t, e) {
          if (!this.dayDetails.holiday || !this.dayDetails.year || !this.dayDetails.month || !this.dayDetails.day) throw new Error("should set year/month/day before saving holiday range");
          const a = h(`${this.dayDetails.year}-${this.dayDetails.month}-${this.dayDetails.day}`), n = h(`${this.dayDetails.year}-${t}-${e}`);
          if (n.isBefore(a) || n.isSame(a)) throw new Error("end date should be after start date");
          const s = this.getHolidayDays(this.dayDetails.year, this.dayDetails.holiday), o = `${this.dayDetails.holiday},${s}`, d = n.diff(a, "day");
          for (let i = 1; i <= d; i++) {
            const y = a.add(i, "day").format("YYYY-MM-DD");
            this.dayDetails.dayType === 2 ? this.holidays[y] = o : this.dayDetails.dayType === 1 ? this.workdays[y] = o : this.dayDetails.dayType === 3 && (this.inLieuDays[y] = o);
          }
          return this;
        }
        w(t, e) {
          return this.save(t, e, 1);
        }
        r(t, e) {
          return this.save(t, e, 2);
        }
        i(t, e) {
          return this.save(t, e, 3);
        }
        ny() {
          return this.mark("New Year's Day,\u5143\u65E6");
        }
        s() {
          return this.mark("Spring Festival,\u6625\u8282");
        }
        t() {
          return this.mark("Tomb-sweeping Day,\u6E05\u660E");
        }
        l() {
          return this.mark("Labour Day,\u52B3\u52A8\u8282");
        }
        d() {
          return this.mark("Dragon Boat Festival,\u7AEF\u5348");
        }
        n() {
          return this.mark("National Day,\u56FD\u5E86\u8282");
        }
        m() {
          return this.mark("Mid-autumn Festival,\u4E2D\u79CB");
        }
        a() {
          return this.mark("Anti-Fascist 70th Day,\u4E2D\u56FD\u4EBA\u6C11\u6297\u65E5\u6218\u4E89\u66A8\u4E16\u754C\u53CD\u6CD5\u897F\u65AF\u6218\u4E89\u80DC\u522970\u5468\u5E74\u7EAA\u5FF5\u65E5");
        }
      }
      const Q = () => {
        const r = new K();
        return r.y(2026).ny().r(1, 1).to(1, 3).w(1, 4).i(1, 2).s().r(2, 15).to(2, 23).w(2, 14).w(2, 28).i(2, 20).i(2, 23).t().r(4, 4).to(4, 6).l().r(5, 1).to(5, 5).w(5, 9).i(5, 5).d().r(6, 19).to(6, 21).m().r(9, 25).to(9, 27).n().r(10, 1).to(10, 7).w(9, 20).w(10, 10).i(10, 6).i(10, 7), r.y(2025).ny().r(1, 1).s().r(1, 28).to(2, 4).w(1, 26).w(2, 8).i(2, 3).i(2, 4).t().r(4, 4).to(4, 6).l().r(5, 1).to(5, 5).w(4, 27).i(5, 5).d().r(5, 31).to(6, 2).n().r(10, 1).to(10, 8).w(9, 28).w(10, 11).i(10, 7).i(10, 8).m().r(10, 6), r.y(2024).ny().r(1, 1).s().r(2, 10).to(2, 17).w(2, 4).w(2, 18).i(2, 15).to(2, 16).t().r(4, 4).to(4, 6).w(4, 7).i(4, 5).l().r(5, 1).to(5, 5).w(4, 28).w(5, 11).i(5, 2).to(5, 3).d().r(6, 10).m().r(9, 15).to(9, 17).w(9, 14).i(9, 16).n().r(10, 1).to(10, 7).w(9, 29).w(10, 12).i(10, 4).i(10, 7), r.y(2023).ny().r(1, 1).to(1, 2).s().r(1, 21).to(1, 27).w(1, 28).to(1, 29).i(1, 26).to(1, 27).t().r(4, 5).l().r(4, 29).to(5, 3).w(4, 23).w(5, 6).i(5, 2).to(5, 3).d().r(6, 22).to(6, 24).w(6, 25).i(6, 23).m().r(9, 29).n().r(9, 30).to(10, 6).w(10, 7).to(10, 8).i(10, 5).to(10, 6), r.y(2022).ny().r(1, 1).to(1, 3).s().r(1, 31).to(2, 6).w(1, 29).w(1, 30).i(2, 3).to(2, 4).t().r(4, 3).to(4, 5).w(4, 2).i(4, 4).l().r(4, 30).to(5, 4).w(4, 24).w(5, 7).i(5, 3).to(5, 4).d().r(6, 3).to(6, 5).m().r(9, 10).to(9, 12).n().r(10, 1).to(10, 7).w(10, 8).w(10, 9).i(10, 6).to(10, 7).ny().r(12, 31), r.y(2021).ny().r(1, 1).to(1, 3).s().r(2, 11).to(2, 17).w(2, 7).w(2, 20).i(2, 16).to(2, 17).t().r(4, 3).to(4, 5).l().r(5, 1).to(5, 5).w(4, 25).w(5, 8).i(5, 4).to(5, 5).d().r(6, 12).to(6, 14).m().r(9, 19).to(9, 21).w(9, 18).i(9, 20).n().r(10, 1).to(10, 7).w(9, 26).w(10, 9).i(10, 6).to(10, 7), r.y(2020).ny().r(1, 1).s().r(1, 24).to(2, 2).w(1, 19).i(1, 29).t().r(4, 4).to(4, 6).l().r(5, 1).to(5, 5).w(4, 26).w(5, 9).i(5, 4).to(5, 5).d().r(6, 25).to(6, 27).w(6, 28).i(6, 26).n().r(10, 1).to(10, 8).w(9, 27).w(10, 10).i(10, 7).to(10, 8), r.y(2019).ny().r(1, 1).s().r(2, 4).to(2, 10).w(2, 2).to(2, 3).i(2, 4).i(2, 8).t().r(4, 5).to(4, 7).l().r(5, 1).to(5, 4).w(4, 28).w(5, 5).i(5, 2).i(5, 3).d().r(6, 7).to(6, 9).m().r(9, 13).to(9, 15).n().r(10, 1).to(10, 7).w(9, 29).w(10, 12).i(10, 4).i(10, 7), r.y(2018).ny().r(1, 1).s().r(2, 15).to(2, 21).w(2, 11).w(2, 24).i(2, 19).to(2, 21).t().r(4, 5).to(4, 7).w(4, 8).i(4, 6).l().r(4, 29).to(5, 1).w(4, 28).i(4, 30).d().r(6, 18).n().r(10, 1).to(10, 7).w(9, 29).to(9, 30).i(10, 4).to(10, 5).m().r(9, 24).ny().r(12, 30).to(12, 31).w(12, 29).i(12, 31), r.y(2017).ny().r(1, 1).to(1, 2).s().r(1, 27).to(2, 2).w(1, 22).w(2, 4).i(2, 1).to(2, 2).t().r(4, 2).to(4, 4).w(4, 1).i(4, 3).l().r(5, 1).d().r(5, 28).to(5, 30).w(5, 27).i(5, 29).n().r(10, 1).to(10, 8).w(9, 30).i(10, 6).m().r(10, 4), r.y(2016).ny().r(1, 1).s().r(2, 7).to(2, 13).w(2, 6).w(2, 14).i(2, 11).to(2, 12).t().r(4, 4).l().r(5, 1).to(5, 2).d().r(6, 9).to(6, 11).w(6, 12).i(6, 10).m().r(9, 15).to(9, 17).w(9, 18).i(9, 16).n().r(10, 1).to(10, 7).w(10, 8).to(10, 9).i(10, 6).to(10, 7), r.y(2015).ny().r(1, 1).to(1, 3).w(1, 4).i(1, 2).s().r(2, 18).to(2, 24).w(2, 15).w(2, 28).i(2, 23).to(2, 24).t().r(4, 5).to(4, 6).l().r(5, 1).d().r(6, 20).r(6, 22).m().r(9, 27).n().r(10, 1).to(10, 7).w(10, 10).i(10, 7).a().r(9, 3).to(9, 4).w(9, 6).i(9, 4), r.y(2014).ny().r(1, 1).s().r(1, 31).to(2, 6).w(1, 26).w(2, 8).i(2, 5).to(2, 6).t().r(4, 5).to(4, 7).l().r(5, 1).to(5, 3).w(5, 4).i(5, 2).d().r(6, 2).m().r(9, 8).n().r(10, 1).to(10, 7).w(9, 28).w(10, 11).i(10, 6).to(10, 7), r.y(2013).ny().r(1, 1).to(1, 3).w(1, 5).to(1, 6).i(1, 2).to(1, 3).s().r(2, 9).to(2, 15).w(2, 16).to(2, 17).i(2, 14).to(2, 15).t().r(4, 4).to(4, 6).w(4, 7).i(4, 5).l().r(4, 29).to(5, 1).w(4, 27).to(4, 28).i(4, 29).to(4, 30).d().r(6, 10).to(6, 12).w(6, 8).to(6, 9).i(6, 10).to(6, 11).m().r(9, 19).to(9, 21).w(9, 22).i(9, 20).n().r(10, 1).to(10, 7).w(9, 29).w(10, 12).i(10, 4).i(10, 7), r.y(2012).ny().r(1, 1).to(1, 3).i(1, 3).s().r(1, 22).to(1, 28).w(1, 21).w(1, 29).i(1, 26).to(1, 27).t().r(4, 2).to(4, 4).w(3, 31).w(4, 1).i(4, 2).to(4, 3).l().r(4, 29).to(5, 1).w(4, 28).i(4, 30).d().r(6, 22).r(6, 24).m().r(9, 30).n().r(10, 1).to(10, 7).w(9, 29).i(10, 5), r.y(2011).ny().r(1, 1).to(1, 3).s().r(2, 2).to(2, 8).w(1, 30).w(2, 12).i(2, 7).to(2, 8).t().r(4, 3).to(4, 5).w(4, 2).i(4, 4).l().r(4, 30).to(5, 2).d().r(6, 4).r(6, 6).m().r(9, 10).to(9, 12).n().r(10, 1).to(10, 7).w(10, 8).to(10, 9).i(10, 6).to(10, 7).ny().w(12, 31), r.y(2010).ny().r(1, 1).to(1, 3).s().r(2, 13).to(2, 19).w(2, 20).to(2, 21).i(2, 18).to(2, 19).t().r(4, 3).to(4, 5).l().r(5, 1).to(5, 3).d().r(6, 14).to(6, 16).w(6, 12).to(6, 13).i(6, 14).to(6, 15).m().r(9, 22).to(9, 24).w(9, 19).w(9, 25).i(9, 23).to(9, 24).n().r(10, 1).to(10, 7).w(9, 26).w(10, 9).i(10, 6).to(10, 7), r.y(2009).ny().r(1, 1).to(1, 3).w(1, 4).i(1, 2).s().r(1, 25).to(1, 31).w(1, 24).w(2, 1).i(1, 29).to(1, 30).t().r(4, 4).to(4, 6).l().r(5, 1).to(5, 3).d().r(5, 28).to(5, 30).w(5, 31).i(5, 29).n().r(10, 1).to(10, 8).w(9, 27).w(10, 10).i(10, 7).to(10, 8).m().r(10, 3), r.y(2008).ny().r(1, 1).s().r(2, 6).to(2, 12).w(2, 2).to(2, 3).i(2, 11).to(2, 12).t().r(4, 4).to(4, 6).l().r(5, 1).to(5, 3).w(5, 4).i(5, 2).d().r(6, 7).to(6, 9).m().r(9, 13).to(9, 15).n().r(9, 29).to(10, 5).w(9, 27).to(9, 28).i(9, 29).to(9, 30), r.y(2007).ny().r(1, 1).to(1, 3).i(1, 2).to(1, 3).s().r(2, 18).to(2, 24).w(2, 17).w(2, 25).i(2, 22).to(2, 23).l().r(5, 1).to(5, 7).w(4, 28).to(4, 29).i(5, 4).i(5, 7).n().r(10, 1).to(10, 7).w(9, 29).to(9, 30).i(10, 4).to(10, 5).ny().r(12, 30).to(12, 31).w(12, 29).i(12, 31), r.y(2006).ny().r(1, 1).to(1, 3).s().r(1, 29).to(2, 4).w(1, 28).w(2, 5).i(2, 2).to(2, 3).l().r(5, 1).to(5, 7).w(4, 29).to(4, 30).i(5, 4).to(5, 5).n().r(10, 1).to(10, 7).w(9, 30).w(10, 8).i(10, 5).to(10, 6).ny().w(12, 30).to(12, 31), r.y(2005).ny().r(1, 1).to(1, 3).s().r(2, 9).to(2, 15).w(2, 5).to(2, 6).i(2, 14).to(2, 15).l().r(5, 1).to(5, 7).w(4, 30).w(5, 8).i(5, 5).to(5, 6).n().r(10, 1).to(10, 7).w(10, 8).to(10, 9).i(10, 6).to(10, 7), r.y(2004).ny().r(1, 1).s().r(1, 22).to(1, 28).w(1, 17).to(1, 18).i(1, 27).to(1, 28).l().r(5, 1).to(5, 7).w(5, 8).to(5, 9).i(5, 6).to(5, 7).n().r(10, 1).to(10, 7).w(10, 9).to(10, 10).i(10, 6).to(10, 7), { holidays: r.holidays, workdays: r.workdays, inLieuDays: r.inLieuDays };
      }, { holidays: b, workdays: k, inLieuDays: X } = Q(), f = (r) => {
        const t = w(r);
        if (!t.isValid()) throw new Error(`unsupported type ${typeof r}, expected type is Date or Dayjs`);
        return t;
      }, F = (r) => !D(r), D = (r) => {
        const t = f(r), e = t.day(), a = t.format("YYYY-MM-DD");
        return !!(k[a] || e >= 1 && e <= 5 && !b[a]);
      }, B = (r) => {
        const t = f(r);
        return !!X[t.format("YYYY-MM-DD")];
      }, I = (r) => {
        const t = f(r), e = t.format("YYYY-MM-DD");
        if (k[e]) return { date: e, work: true, name: k[e] };
        if (b[e]) return { date: e, work: false, name: b[e] };
        {
          const a = t.day();
          return { date: e, work: a !== 0 && a !== 6, name: t.format("dddd") };
        }
      }, C = (r, t, e = true) => {
        const a = f(r), n = f(t);
        return e ? p(a, n).filter(F).map((s) => s.format("YYYY-MM-DD")) : p(a, n).filter((s) => b[s.format("YYYY-MM-DD")]).map((s) => s.format("YYYY-MM-DD"));
      }, j = (r, t, e = true) => {
        const a = f(r), n = f(t);
        return e ? p(a, n).filter(D).map((s) => s.format("YYYY-MM-DD")) : p(a, n).filter((s) => D(s) && s.day() >= 1 && s.day() <= 5).map((s) => s.format("YYYY-MM-DD"));
      }, U = (r = 0, t = h()) => {
        if (t = w(t), r === 0) {
          if (D(t)) return t.format("YYYY-MM-DD");
          r = 1;
        }
        const e = r > 0 ? 1 : -1;
        let a = Math.abs(r);
        for (; a > 0; ) t = t.add(e, "day"), D(t) && a--;
        return t.format("YYYY-MM-DD");
      }, tt = Object.freeze(Object.defineProperty({ __proto__: null, findWorkday: U, getDayDetail: I, getHolidaysInRange: C, getWorkdaysInRange: j, isHoliday: F, isInLieu: B, isWorkday: D }, Symbol.toStringTag, { value: "Module" })), et = { the_beginning_of_spring: [4.6295, 3.87], rain_water: [19.4599, 18.73], the_waking_of_insects: [6.3926, 5.63], the_spring_equinox: [21.4155, 20.646], pure_brightness: [5.59, 4.81], grain_rain: [20.888, 20.1], the_beginning_of_summer: [6.318, 5.52], lesser_fullness_of_grain: [21.86, 21.04], grain_in_beard: [6.5, 5.678], the_summer_solstice: [22.2, 21.37], lesser_heat: [7.928, 7.108], greater_heat: [23.65, 22.83], the_beginning_of_autumn: [28.35, 7.5], the_end_of_heat: [23.95, 23.13], white_dew: [8.44, 7.646], the_autumn_equinox: [23.822, 23.042], code_dew: [9.098, 8.318], frost_descent: [24.218, 23.438], the_beginning_of_winter: [8.218, 7.438], lesser_snow: [23.08, 22.36], greater_snow: [7.9, 7.18], the_winter_solstice: [22.6, 21.94], lesser_cold: [6.11, 5.4055], greater_cold: [20.84, 20.12] }, P = { 1: ["lesser_cold", "greater_cold"], 2: ["the_beginning_of_spring", "rain_water"], 3: ["the_waking_of_insects", "the_spring_equinox"], 4: ["pure_brightness", "grain_rain"], 5: ["the_beginning_of_summer", "lesser_fullness_of_grain"], 6: ["grain_in_beard", "the_summer_solstice"], 7: ["lesser_heat", "greater_heat"], 8: ["the_beginning_of_autumn", "the_end_of_heat"], 9: ["white_dew", "the_autumn_equinox"], 10: ["code_dew", "frost_descent"], 11: ["the_beginning_of_winter", "lesser_snow"], 12: ["greater_snow", "the_winter_solstice"] }, rt = { "2026_rain_water": -1, "2084_the_spring_equinox": 1, "1911_the_beginning_of_summer": 1, "2008_lesser_fullness_of_grain": 1, "1902_grain_in_beard": 1, "1928_the_summer_solstice": 1, "1925_lesser_heat": 1, "2016_lesser_heat": 1, "1922_greater_heat": 1, "2002_the_beginning_of_autumn": 1, "1927_white_dew": 1, "1942_the_autumn_equinox": 1, "2089_frost_descent": 1, "2089_the_beginning_of_winter": 1, "1978_lesser_snow": 1, "1954_greater_snow": 1, "1918_the_winter_solstice": -1, "2021_the_winter_solstice": -1, "1982_lesser_cold": 1, "2019_lesser_cold": -1, "2000_greater_cold": 1, "2082_greater_cold": 1 }, W = { lesser_cold: "\u5C0F\u5BD2", greater_cold: "\u5927\u5BD2", the_beginning_of_spring: "\u7ACB\u6625", rain_water: "\u96E8\u6C34", the_waking_of_insects: "\u60CA\u86F0", the_spring_equinox: "\u6625\u5206", pure_brightness: "\u6E05\u660E", grain_rain: "\u8C37\u96E8", the_beginning_of_summer: "\u7ACB\u590F", lesser_fullness_of_grain: "\u5C0F\u6EE1", grain_in_beard: "\u8292\u79CD", the_summer_solstice: "\u590F\u81F3", lesser_heat: "\u5C0F\u6691", greater_heat: "\u5927\u6691", the_beginning_of_autumn: "\u7ACB\u79CB", the_end_of_heat: "\u5904\u6691", white_dew: "\u767D\u9732", the_autumn_equinox: "\u79CB\u5206", code_dew: "\u5BD2\u9732", frost_descent: "\u971C\u964D", the_beginning_of_winter: "\u7ACB\u51AC", lesser_snow: "\u5C0F\u96EA", greater_snow: "\u5927\u96EA", the_winter_solstice: "\u51AC\u81F3" }, S = (r, t, e) => {
        const a = r >= 2e3 ? 21 : 20, n = r % 100, s = 0.2422, o = et[e][a === 21 ? 1 : 0];
        let d = Math.floor(n / 4);
        ["lesser_cold", "greater_cold", "the_beginning_of_spring", "rain_water"].includes(e) && (d = Math.floor((n - 1) / 4));
        let i = Math.floor(n * s + o) - d;
        const y = rt[`${r}_${e}`];
        return y && (i += y), h(`${r}-${t}-${i}`).format("YYYY-MM-DD");
      }, q = (r, t) => {
        const e = [];
        let a = w(r);
        const n = w(t || r);
        for (; a.isBefore(n) || a.isSame(n); ) {
          const s = a.year(), o = a.month() + 1;
          P[o].forEach((d) => {
            const i = h(S(s, o, d));
            (i != null && i.isBefore(n) || i != null && i.isSame(n)) && (i != null && i.isAfter(a) || i != null && i.isSame(a)) && e.push({ date: i.format("YYYY-MM-DD"), term: d, name: W[d], index: 1 });
          }), a = o === 12 ? a.add(1, "year").startOf("year") : a.add(1, "month").startOf("month");
        }
        return e;
      }, T = (r, t) => {
        let e = w(r).subtract(1, "month");
        const a = w(t || r).add(1, "month"), n = [];
        for (; e.isBefore(a) || e.isSame(a); ) {
          const o = e.year(), d = e.month() + 1;
          P[d].forEach((i) => {
            const y = h(S(o, d, i));
            n.push({ term: i, date: y });
          }), e.month() === 11 ? e = e.add(1, "year").startOf("year") : e = e.add(1, "month").startOf("month");
        }
        const s = [];
        return n.forEach((o, d) => {
          for (let i = o.date; n[d + 1] && i.isBefore(n[d + 1].date); i = i.add(1, "day")) s.push({ day: i, term: o.term, name: W[o.term], index: i.diff(o.date, "day") + 1 });
        }), t || (t = r), s.filter((o) => o.day.isBetween(r, t, "day")).map((o) => ({ date: o.day.format("YYYY-MM-DD"), term: o.term, name: o.name, index: o.index }));
      }, at = Object.freeze(Object.defineProperty({ __proto__: null, getSolarTermDate: S, getSolarTerms: q, getSolarTermsInRange: T }, Symbol.toStringTag, { value: "Module" })), M = [19416, 19168, 42352, 21717, 53856, 55632, 91476, 22176, 39632, 21970, 19168, 42422, 42192, 53840, 119381, 46400, 54944, 44450, 38320, 84343, 18800, 42160, 46261, 27216, 27968, 109396, 11104, 38256, 21234, 18800, 25958, 54432, 59984, 28309, 23248, 11104, 100067, 37600, 116951, 51536, 54432, 120998, 46416, 22176, 107956, 9680, 37584, 53938, 43344, 46423, 27808, 46416, 86869, 19872, 42416, 83315, 21168, 43432, 59728, 27296, 44710, 43856, 19296, 43748, 42352, 21088, 62051, 55632, 23383, 22176, 38608, 19925, 19152, 42192, 54484, 53840, 54616, 46400, 46752, 103846, 38320, 18864, 43380, 42160, 45690, 27216, 27968, 44870, 43872, 38256, 19189, 18800, 25776, 29859, 59984, 27480, 21952, 43872, 38613, 37600, 51552, 55636, 54432, 55888, 30034, 22176, 43959, 9680, 37584, 51893, 43344, 46240, 47780, 44368, 21977, 19360, 42416, 86390, 21168, 43312, 31060, 27296, 44368, 23378, 19296, 42726, 42208, 53856, 60005, 54576, 23200, 30371, 38608, 19195, 19152, 42192, 118966, 53840, 54560, 56645, 46496, 22224, 21938, 18864, 42359, 42160, 43600, 111189, 27936, 44448, 84835, 37744, 18936, 18800, 25776, 92326, 59984, 27424, 108228, 43744, 41696, 53987, 51552, 54615, 54432, 55888, 23893, 22176, 42704, 21972, 21200, 43448, 43344, 46240, 46758, 44368, 21920, 43940, 42416, 21168, 45683, 26928, 29495, 27296, 44368, 84821, 19296, 42352, 21732, 53600, 59752, 54560, 55968, 92838, 22224, 19168, 43476, 41680, 53584, 62034, 54560], v = ["\u96F6", "\u4E00", "\u4E8C", "\u4E09", "\u56DB", "\u4E94", "\u516D", "\u4E03", "\u516B", "\u4E5D"], x = ["\u6B63", "\u4E8C", "\u4E09", "\u56DB", "\u4E94", "\u516D", "\u4E03", "\u516B", "\u4E5D", "\u5341", "\u51AC", "\u814A"], z = ["\u7532", "\u4E59", "\u4E19", "\u4E01", "\u620A", "\u5DF1", "\u5E9A", "\u8F9B", "\u58EC", "\u7678"], V = ["\u5B50", "\u4E11", "\u5BC5", "\u536F", "\u8FB0", "\u5DF3", "\u5348", "\u672A", "\u7533", "\u9149", "\u620C", "\u4EA5"], nt = ["\u9F20", "\u725B", "\u864E", "\u5154", "\u9F99", "\u86C7", "\u9A6C", "\u7F8A", "\u7334", "\u9E21", "\u72D7", "\u732A"], Z = (r) => {
        let t = 348;
        for (let e = 32768; e > 8; e >>= 1) t += M[r - 1900] & e ? 1 : 0;
        return t + N(r);
      }, L = (r) => M[r - 1900] & 15, N = (r) => L(r) ? M[r - 1900] & 65536 ? 30 : 29 : 0, O = (r) => z[r % 10] + V[r % 12], m = (r, t) => M[r - 1900] & 65536 >> t ? 30 : 29, ot = (r) => nt[(r - 4) % 12], st = (r) => {
        const t = ["\u521D", "\u5341", "\u5EFF", "\u4E09\u5341"];
        if (r === 10) return "\u521D\u5341";
        if (r === 20) return "\u4E8C\u5341";
        if (r === 30) return "\u4E09\u5341";
        const e = Math.floor(r / 10), a = r % 10;
        return t[e] + v[a];
      }, it = (r) => `${z[(r - 4) % 10]}${V[(r - 4) % 12]}\u5E74`, $ = (r, t) => {
        const e = [];
        for (let a = r; a <= t; a++) e.push({ year: a, lunarYear: it(a), lunarYearCN: a.toString().split("").map((n) => v[Number(n)]).join("") });
        return e;
      }, E = (r) => {
        const t = L(r);
        return { year: r, leapMonth: t || void 0, leapMonthCN: t ? `\u95F0${x[t - 1]}\u6708` : void 0, days: t ? M[r - 1900] & 65536 ? 30 : 29 : 0 };
      }, dt = new Date(Date.UTC(1900, 0, 30, 16, 0, 0)), Y = (r) => {
        const t = new Array(7).fill(0);
        let e = 0, a = 0;
        const n = h(dt), s = h(r);
        let o = s.diff(n, "day");
        t[5] = o + 40, t[4] = 14;
        let d = 1900;
        for (; d < 2100 && o > 0; d++) e = Z(d), o -= e, t[4] += 12;
        o < 0 && (o += e, d--, t[4] -= 12), t[0] = d, t[3] = d - 1864, a = L(d), t[6] = 0;
        for (let i = 1; i < 13 && o >= 0; i++) a > 0 && i === a + 1 && t[6] === 0 ? (--i, t[6] = 1, e = N(d)) : e = m(d, i), t[6] === 1 && i === a + 1 && (t[6] = 0), o -= e, t[6] === 0 && t[4]++, t[1] = i;
        return o < 0 && (o += e, t[1]--, t[4]--), t[2] = o + 1, { date: s.format("YYYY-MM-DD"), lunarYear: t[0], lunarMon: t[1] + 1, lunarDay: t[2], isLeap: !!t[6], zodiac: ot(t[0]), yearCyl: O(t[3]), monCyl: O(t[4]), dayCyl: O(t[5]), lunarYearCN: `${t[0].toString().split("").map((i) => v[Number(i)]).join("")}`, lunarMonCN: `${x[t[1]]}\u6708`, lunarDayCN: st(t[2]) };
      }, A = (r, t) => {
        const e = h(r), a = h(t), n = [];
        for (let s = e; s.isBefore(a) || s.isSame(a, "day"); s = s.add(1, "day")) n.push(Y(s));
        return n;
      }, R = (r) => {
        const t = h(r), e = t.year(), a = t.month() + 1, n = t.date();
        let s = 0;
        for (let c = 1900; c < e; c++) s += Z(c);
        const o = L(e);
        for (let c = 1; c < a; c++) s += m(e, c), c === o && (s += N(e));
        s += n - 1;
        const d = h(new Date(1900, 0, 31)), i = d.add(s, "day").format("YYYY-MM-DD");
        let y = s, G;
        return o === a && (y += m(e, a), G = d.add(y, "day").format("YYYY-MM-DD")), { date: i, leapMonthDate: G };
      }, lt = Object.freeze(Object.defineProperty({ __proto__: null, default: { getLunarYears: $, getYearLeapMonth: E, getLunarDate: Y, getLunarDatesInRange: A, getSolarDateFromLunar: R }, getLunarDate: Y, getLunarDatesInRange: A, getLunarYears: $, getSolarDateFromLunar: R, getYearLeapMonth: E, monthDays: m }, Symbol.toStringTag, { value: "Module" })), ht = { 1: { 1: ["\u6625\u8282", "\u9E21\u65E5", "\u5143\u59CB\u5929\u5C0A\u8BDE\u8FB0"], 2: ["\u72AC\u65E5"], 3: ["\u732A\u65E5", "\u5C0F\u5E74\u671D"], 4: ["\u7F8A\u65E5", "\u5B59\u5929\u533B\u8BDE\u8FB0"], 5: ["\u725B\u65E5", "\u7834\u4E94\u65E5", "\u5F00\u5E02", "\u8DEF\u795E\u8BDE\u8FB0"], 6: ["\u9A6C\u65E5"], 7: ["\u4EBA\u65E5", "\u9001\u706B\u795E"], 8: ["\u8C37\u65E5", "\u960E\u738B\u8BDE\u8FB0"], 9: ["\u5929\u65E5", "\u7389\u7687\u8BDE\u8FB0"], 10: ["\u5730\u65E5", "\u77F3\u5934\u751F\u65E5"], 13: ["\u4E0A(\u8BD5)\u706F\u65E5", "\u5173\u516C\u5347\u5929\u65E5"], 15: ["\u5143\u5BB5\u8282", "\u4E0A\u5143\u8282", "\u6B63\u706F\u65E5", "\u5929\u5B98\u8BDE\u8FB0"], 18: ["\u843D\u706F\u65E5"], 25: ["\u5929\u4ED3(\u586B\u4ED3)\u8282"] }, 2: { 1: ["\u592A\u9633\u751F\u65E5"], 2: ["\u6625\u9F99\u8282", "\u571F\u5730\u516C\u751F\u65E5", "\u6D4E\u516C\u6D3B\u4F5B\u751F\u65E5"], 3: ["\u6587\u660C\u5E1D\u541B\u8BDE\u8FB0"], 12: ["\u767E\u82B1\u751F\u65E5(\u82B1\u671D\u8282)"], 15: ["\u4E5D\u5929\u7384\u5973\u8BDE\u8FB0", "\u592A\u4E0A\u8001\u541B\u8BDE\u8FB0", "\u7CBE\u5FE0\u5CB3\u738B\u8BDE\u8FB0"], 19: ["\u89C2\u97F3\u83E9\u8428\u8BDE\u8FB0"], 21: ["\u666E\u8D24\u83E9\u8428\u8BDE\u8FB0"] }, 3: { 3: ["\u4E0A\u5DF3\u8282"], 15: ["\u8D75\u516C\u5143\u5E05\u8BDE\u8FB0", "\u6CF0\u5C71\u8001\u6BCD\u8BDE\u8FB0"] }, 4: { 1: ["\u796D\u96F9\u795E"], 4: ["\u6587\u6B8A\u83E9\u8428\u8BDE\u8FB0"], 8: ["\u6D74\u4F5B\u8282(\u9F99\u534E\u4F1A)"], 12: ["\u86C7\u738B\u8BDE\u8FB0"], 14: ["\u5415\u6D1E\u5BBE\u8BDE\u8FB0"], 18: ["\u534E\u4F57\u8BDE\u8FB0"], 28: ["\u836F\u738B(\u795E\u519C)\u8BDE\u8FB0"] }, 5: { 5: ["\u7AEF\u5348\u8282"], 13: ["\u96E8\u8282", "\u9EC4\u5E1D\u8BDE\u8FB0"] }, 6: { 1: ["\u534A\u5E74\u8282"], 6: ["\u6652\u8863\u8282"], 19: ["\u89C2\u97F3\u83E9\u8428\u5F97\u9053"], 24: ["\u96F7\u795E\u8BDE\u8FB0", "\u8377\u82B1\u751F\u65E5", "\u5173\u516C\u8BDE\u8FB0"] }, 7: { 1: ["\u796D\u6D77\u795E"], 7: ["\u4E5E\u5DE7\u8282"], 15: ["\u4E2D\u5143(\u9B3C)\u8282", "\u5730\u5B98\u8BDE\u8FB0(\u5B5F\u5170\u76C6\u4F1A)"], 18: ["\u897F\u738B\u6BCD\u8BDE\u8FB0"], 20: ["\u68C9\u82B1\u751F\u65E5"], 23: ["\u8BF8\u845B\u4EAE\u8BDE\u8FB0"], 30: ["\u5730\u85CF\u83E9\u8428\u8BDE\u8FB0"] }, 8: { 1: ["\u5929\u533B\u8282"], 3: ["\u7076\u541B\u751F\u65E5"], 8: ["\u7476\u6C60\u5927\u4F1A"], 15: ["\u4E2D\u79CB\u8282"], 20: ["\u6C34\u7A3B\u751F\u65E5"], 28: ["\u5B54\u5B50\u8BDE\u8FB0"] }, 9: { 9: ["\u91CD\u9633\u8282"], 19: ["\u89C2\u97F3\u83E9\u8428\u51FA\u5BB6"] }, 10: { 1: ["\u5341\u6708\u671D", "\u5BD2\u8863\u8282"], 15: ["\u4E0B\u5143\u8282", "\u6C34\u5B98\u8BDE\u8FB0"] }, 12: { 8: ["\u814A\u516B\u8282"], 23: ["\u5B98\u5BB6\u9001\u7076"], 24: ["\u6C11\u95F4\u9001\u7076"], 25: ["\u63A5\u7389\u7687"] } }, _t = [(r, t) => {
        const e = r.add(1, "day");
        T(e).find((n) => n.term === "pure_brightness") && t.push({ date: r.format("YYYY-MM-DD"), name: "\u5BD2\u98DF\u8282", type: "solar_term" });
      }, (r, t) => {
        const e = Y(r);
        if (e.lunarMon === 12 && e.lunarDay === m(e.lunarYear, 12)) {
          const a = r.format("YYYY-MM-DD");
          ["\u9664\u5915", "\u5C01\u4E95", "\u796D\u4E95\u795E", "\u8D34\u6625\u8054", "\u8FCE\u8D22\u795E"].forEach((n) => {
            t.push({ date: a, name: n, type: "lunar" });
          });
        }
      }], H = (r, t) => {
        var s;
        const e = [];
        let a = h(r);
        const n = h(t || r);
        for (; a.isBefore(n) || a.isSame(n); ) {
          const o = Y(a);
          o.isLeap || (((s = ht[o.lunarMon]) == null ? void 0 : s[o.lunarDay]) || []).forEach((i) => {
            e.push({ date: a.format("YYYY-MM-DD"), name: i, type: "lunar" });
          }), _t.forEach((d) => d(a, e)), a = a.add(1, "day");
        }
        return e.reduce((o, d) => {
          const i = o.find((y) => y.date === d.date);
          return i ? i.name.push(d.name) : o.push({ date: d.date, name: [d.name] }), o;
        }, []);
      }, ut = { ...tt, ...at, ...lt, ...Object.freeze(Object.defineProperty({ __proto__: null, default: { getLunarFestivals: H }, getLunarFestivals: H }, Symbol.toStringTag, { value: "Module" })) };
      l.default = ut, l.findWorkday = U, l.getDayDetail = I, l.getHolidaysInRange = C, l.getLunarDate = Y, l.getLunarDatesInRange = A, l.getLunarFestivals = H, l.getLunarYears = $, l.getSolarDateFromLunar = R, l.getSolarTermDate = S, l.getSolarTerms = q, l.getSolarTermsInRange = T, l.getWorkdaysInRange = j, l.getYearLeapMonth = E, l.isHoliday = F, l.isInLieu = B, l.isWorkday = D, l.monthDays = m, Object.defineProperties(l, { __esModule: { value: true }, [Symbol.toStringTag]: { value: "Module" } });
    });
  }
});

// node_modules/dayjs/dayjs.min.js
var require_dayjs_min = __commonJS({
  "node_modules/dayjs/dayjs.min.js"(exports2, module2) {
    !(function(t, e) {
      "object" == typeof exports2 && "undefined" != typeof module2 ? module2.exports = e() : "function" == typeof define && define.amd ? define(e) : (t = "undefined" != typeof globalThis ? globalThis : t || self).dayjs = e();
    })(exports2, (function() {
      "use strict";
      var t = 1e3, e = 6e4, n = 36e5, r = "millisecond", i = "second", s = "minute", u = "hour", a = "day", o = "week", c = "month", f = "quarter", h = "year", d = "date", l = "Invalid Date", $ = /^(\d{4})[-/]?(\d{1,2})?[-/]?(\d{0,2})[Tt\s]*(\d{1,2})?:?(\d{1,2})?:?(\d{1,2})?[.:]?(\d+)?$/, y = /\[([^\]]+)]|YYYY|YY|M{1,4}|D{1,2}|d{1,4}|H{1,2}|h{1,2}|a|A|m{1,2}|s{1,2}|Z{1,2}|SSS/g, M = { name: "en", weekdays: "Sunday_Monday_Tuesday_Wednesday_Thursday_Friday_Saturday".split("_"), months: "January_February_March_April_May_June_July_August_September_October_November_December".split("_"), ordinal: function(t2) {
        var e2 = ["th", "st", "nd", "rd"], n2 = t2 % 100;
        return "[" + t2 + (e2[(n2 - 20) % 10] || e2[n2] || e2[0]) + "]";
      } }, m = function(t2, e2, n2) {
        var r2 = String(t2);
        return !r2 || r2.length >= e2 ? t2 : "" + Array(e2 + 1 - r2.length).join(n2) + t2;
      }, v = { s: m, z: function(t2) {
        var e2 = -t2.utcOffset(), n2 = Math.abs(e2), r2 = Math.floor(n2 / 60), i2 = n2 % 60;
        return (e2 <= 0 ? "+" : "-") + m(r2, 2, "0") + ":" + m(i2, 2, "0");
      }, m: function t2(e2, n2) {
        if (e2.date() < n2.date()) return -t2(n2, e2);
        var r2 = 12 * (n2.year() - e2.year()) + (n2.month() - e2.month()), i2 = e2.clone().add(r2, c), s2 = n2 - i2 < 0, u2 = e2.clone().add(r2 + (s2 ? -1 : 1), c);
        return +(-(r2 + (n2 - i2) / (s2 ? i2 - u2 : u2 - i2)) || 0);
      }, a: function(t2) {
        return t2 < 0 ? Math.ceil(t2) || 0 : Math.floor(t2);
      }, p: function(t2) {
        return { M: c, y: h, w: o, d: a, D: d, h: u, m: s, s: i, ms: r, Q: f }[t2] || String(t2 || "").toLowerCase().replace(/s$/, "");
      }, u: function(t2) {
        return void 0 === t2;
      } }, g = "en", D = {};
      D[g] = M;
      var p = "$isDayjsObject", S = function(t2) {
        return t2 instanceof _ || !(!t2 || !t2[p]);
      }, w = function t2(e2, n2, r2) {
        var i2;
        if (!e2) return g;
        if ("string" == typeof e2) {
          var s2 = e2.toLowerCase();
          D[s2] && (i2 = s2), n2 && (D[s2] = n2, i2 = s2);
          var u2 = e2.split("-");
          if (!i2 && u2.length > 1) return t2(u2[0]);
        } else {
          var a2 = e2.name;
          D[a2] = e2, i2 = a2;
        }
        return !r2 && i2 && (g = i2), i2 || !r2 && g;
      }, O = function(t2, e2) {
        if (S(t2)) return t2.clone();
        var n2 = "object" == typeof e2 ? e2 : {};
        return n2.date = t2, n2.args = arguments, new _(n2);
      }, b = v;
      b.l = w, b.i = S, b.w = function(t2, e2) {
        return O(t2, { locale: e2.$L, utc: e2.$u, x: e2.$x, $offset: e2.$offset });
      };
      var _ = (function() {
        function M2(t2) {
          this.$L = w(t2.locale, null, true), this.parse(t2), this.$x = this.$x || t2.x || {}, this[p] = true;
        }
        var m2 = M2.prototype;
        return m2.parse = function(t2) {
          this.$d = (function(t3) {
            var e2 = t3.date, n2 = t3.utc;
            if (null === e2) return /* @__PURE__ */ new Date(NaN);
            if (b.u(e2)) return /* @__PURE__ */ new Date();
            if (e2 instanceof Date) return new Date(e2);
            if ("string" == typeof e2 && !/Z$/i.test(e2)) {
              var r2 = e2.match($);
              if (r2) {
                var i2 = r2[2] - 1 || 0, s2 = (r2[7] || "0").substring(0, 3);
                return n2 ? new Date(Date.UTC(r2[1], i2, r2[3] || 1, r2[4] || 0, r2[5] || 0, r2[6] || 0, s2)) : new Date(r2[1], i2, r2[3] || 1, r2[4] || 0, r2[5] || 0, r2[6] || 0, s2);
              }
            }
            return new Date(e2);
          })(t2), this.init();
        }, m2.init = function() {
          var t2 = this.$d;
          this.$y = t2.getFullYear(), this.$M = t2.getMonth(), this.$D = t2.getDate(), this.$W = t2.getDay(), this.$H = t2.getHours(), this.$m = t2.getMinutes(), this.$s = t2.getSeconds(), this.$ms = t2.getMilliseconds();
        }, m2.$utils = function() {
          return b;
        }, m2.isValid = function() {
          return !(this.$d.toString() === l);
        }, m2.isSame = function(t2, e2) {
          var n2 = O(t2);
          return this.startOf(e2) <= n2 && n2 <= this.endOf(e2);
        }, m2.isAfter = function(t2, e2) {
          return O(t2) < this.startOf(e2);
        }, m2.isBefore = function(t2, e2) {
          return this.endOf(e2) < O(t2);
        }, m2.$g = function(t2, e2, n2) {
          return b.u(t2) ? this[e2] : this.set(n2, t2);
        }, m2.unix = function() {
          return Math.floor(this.valueOf() / 1e3);
        }, m2.valueOf = function() {
          return this.$d.getTime();
        }, m2.startOf = function(t2, e2) {
          var n2 = this, r2 = !!b.u(e2) || e2, f2 = b.p(t2), l2 = function(t3, e3) {
            var i2 = b.w(n2.$u ? Date.UTC(n2.$y, e3, t3) : new Date(n2.$y, e3, t3), n2);
            return r2 ? i2 : i2.endOf(a);
          }, $2 = function(t3, e3) {
            return b.w(n2.toDate()[t3].apply(n2.toDate("s"), (r2 ? [0, 0, 0, 0] : [23, 59, 59, 999]).slice(e3)), n2);
          }, y2 = this.$W, M3 = this.$M, m3 = this.$D, v2 = "set" + (this.$u ? "UTC" : "");
          switch (f2) {
            case h:
              return r2 ? l2(1, 0) : l2(31, 11);
            case c:
              return r2 ? l2(1, M3) : l2(0, M3 + 1);
            case o:
              var g2 = this.$locale().weekStart || 0, D2 = (y2 < g2 ? y2 + 7 : y2) - g2;
              return l2(r2 ? m3 - D2 : m3 + (6 - D2), M3);
            case a:
            case d:
              return $2(v2 + "Hours", 0);
            case u:
              return $2(v2 + "Minutes", 1);
            case s:
              return $2(v2 + "Seconds", 2);
            case i:
              return $2(v2 + "Milliseconds", 3);
            default:
              return this.clone();
          }
        }, m2.endOf = function(t2) {
          return this.startOf(t2, false);
        }, m2.$set = function(t2, e2) {
          var n2, o2 = b.p(t2), f2 = "set" + (this.$u ? "UTC" : ""), l2 = (n2 = {}, n2[a] = f2 + "Date", n2[d] = f2 + "Date", n2[c] = f2 + "Month", n2[h] = f2 + "FullYear", n2[u] = f2 + "Hours", n2[s] = f2 + "Minutes", n2[i] = f2 + "Seconds", n2[r] = f2 + "Milliseconds", n2)[o2], $2 = o2 === a ? this.$D + (e2 - this.$W) : e2;
          if (o2 === c || o2 === h) {
            var y2 = this.clone().set(d, 1);
            y2.$d[l2]($2), y2.init(), this.$d = y2.set(d, Math.min(this.$D, y2.daysInMonth())).$d;
          } else l2 && this.$d[l2]($2);
          return this.init(), this;
        }, m2.set = function(t2, e2) {
          return this.clone().$set(t2, e2);
        }, m2.get = function(t2) {
          return this[b.p(t2)]();
        }, m2.add = function(r2, f2) {
          var d2, l2 = this;
          r2 = Number(r2);
          var $2 = b.p(f2), y2 = function(t2) {
            var e2 = O(l2);
            return b.w(e2.date(e2.date() + Math.round(t2 * r2)), l2);
          };
          if ($2 === c) return this.set(c, this.$M + r2);
          if ($2 === h) return this.set(h, this.$y + r2);
          if ($2 === a) return y2(1);
          if ($2 === o) return y2(7);
          var M3 = (d2 = {}, d2[s] = e, d2[u] = n, d2[i] = t, d2)[$2] || 1, m3 = this.$d.getTime() + r2 * M3;
          return b.w(m3, this);
        }, m2.subtract = function(t2, e2) {
          return this.add(-1 * t2, e2);
        }, m2.format = function(t2) {
          var e2 = this, n2 = this.$locale();
          if (!this.isValid()) return n2.invalidDate || l;
          var r2 = t2 || "YYYY-MM-DDTHH:mm:ssZ", i2 = b.z(this), s2 = this.$H, u2 = this.$m, a2 = this.$M, o2 = n2.weekdays, c2 = n2.months, f2 = n2.meridiem, h2 = function(t3, n3, i3, s3) {
            return t3 && (t3[n3] || t3(e2, r2)) || i3[n3].slice(0, s3);
          }, d2 = function(t3) {
            return b.s(s2 % 12 || 12, t3, "0");
          }, $2 = f2 || function(t3, e3, n3) {
            var r3 = t3 < 12 ? "AM" : "PM";
            return n3 ? r3.toLowerCase() : r3;
          };
          return r2.replace(y, (function(t3, r3) {
            return r3 || (function(t4) {
              switch (t4) {
                case "YY":
                  return String(e2.$y).slice(-2);
                case "YYYY":
                  return b.s(e2.$y, 4, "0");
                case "M":
                  return a2 + 1;
                case "MM":
                  return b.s(a2 + 1, 2, "0");
                case "MMM":
                  return h2(n2.monthsShort, a2, c2, 3);
                case "MMMM":
                  return h2(c2, a2);
                case "D":
                  return e2.$D;
                case "DD":
                  return b.s(e2.$D, 2, "0");
                case "d":
                  return String(e2.$W);
                case "dd":
                  return h2(n2.weekdaysMin, e2.$W, o2, 2);
                case "ddd":
                  return h2(n2.weekdaysShort, e2.$W, o2, 3);
                case "dddd":
                  return o2[e2.$W];
                case "H":
                  return String(s2);
                case "HH":
                  return b.s(s2, 2, "0");
                case "h":
                  return d2(1);
                case "hh":
                  return d2(2);
                case "a":
                  return $2(s2, u2, true);
                case "A":
                  return $2(s2, u2, false);
                case "m":
                  return String(u2);
                case "mm":
                  return b.s(u2, 2, "0");
                case "s":
                  return String(e2.$s);
                case "ss":
                  return b.s(e2.$s, 2, "0");
                case "SSS":
                  return b.s(e2.$ms, 3, "0");
                case "Z":
                  return i2;
              }
              return null;
            })(t3) || i2.replace(":", "");
          }));
        }, m2.utcOffset = function() {
          return 15 * -Math.round(this.$d.getTimezoneOffset() / 15);
        }, m2.diff = function(r2, d2, l2) {
          var $2, y2 = this, M3 = b.p(d2), m3 = O(r2), v2 = (m3.utcOffset() - this.utcOffset()) * e, g2 = this - m3, D2 = function() {
            return b.m(y2, m3);
          };
          switch (M3) {
            case h:
              $2 = D2() / 12;
              break;
            case c:
              $2 = D2();
              break;
            case f:
              $2 = D2() / 3;
              break;
            case o:
              $2 = (g2 - v2) / 6048e5;
              break;
            case a:
              $2 = (g2 - v2) / 864e5;
              break;
            case u:
              $2 = g2 / n;
              break;
            case s:
              $2 = g2 / e;
              break;
            case i:
              $2 = g2 / t;
              break;
            default:
              $2 = g2;
          }
          return l2 ? $2 : b.a($2);
        }, m2.daysInMonth = function() {
          return this.endOf(c).$D;
        }, m2.$locale = function() {
          return D[this.$L];
        }, m2.locale = function(t2, e2) {
          if (!t2) return this.$L;
          var n2 = this.clone(), r2 = w(t2, e2, true);
          return r2 && (n2.$L = r2), n2;
        }, m2.clone = function() {
          return b.w(this.$d, this);
        }, m2.toDate = function() {
          return new Date(this.valueOf());
        }, m2.toJSON = function() {
          return this.isValid() ? this.toISOString() : null;
        }, m2.toISOString = function() {
          return this.$d.toISOString();
        }, m2.toString = function() {
          return this.$d.toUTCString();
        }, M2;
      })(), Y = _.prototype;
      return O.prototype = Y, [["$ms", r], ["$s", i], ["$m", s], ["$H", u], ["$W", a], ["$M", c], ["$y", h], ["$D", d]].forEach((function(t2) {
        Y[t2[1]] = function(e2) {
          return this.$g(e2, t2[0], t2[1]);
        };
      })), O.extend = function(t2, e2) {
        return t2.$i || (t2(e2, _, O), t2.$i = true), O;
      }, O.locale = w, O.isDayjs = S, O.unix = function(t2) {
        return O(1e3 * t2);
      }, O.en = D[g], O.Ls = D, O.p = {}, O;
    }));
  }
});

// node_modules/dayjs/plugin/utc.js
var require_utc = __commonJS({
  "node_modules/dayjs/plugin/utc.js"(exports2, module2) {
    !(function(t, i) {
      "object" == typeof exports2 && "undefined" != typeof module2 ? module2.exports = i() : "function" == typeof define && define.amd ? define(i) : (t = "undefined" != typeof globalThis ? globalThis : t || self).dayjs_plugin_utc = i();
    })(exports2, (function() {
      "use strict";
      var t = "minute", i = /[+-]\d\d(?::?\d\d)?/g, e = /([+-]|\d\d)/g;
      return function(s, f, n) {
        var u = f.prototype;
        n.utc = function(t2) {
          var i2 = { date: t2, utc: true, args: arguments };
          return new f(i2);
        }, u.utc = function(i2) {
          var e2 = n(this.toDate(), { locale: this.$L, utc: true });
          return i2 ? e2.add(this.utcOffset(), t) : e2;
        }, u.local = function() {
          return n(this.toDate(), { locale: this.$L, utc: false });
        };
        var r = u.parse;
        u.parse = function(t2) {
          t2.utc && (this.$u = true), this.$utils().u(t2.$offset) || (this.$offset = t2.$offset), r.call(this, t2);
        };
        var o = u.init;
        u.init = function() {
          if (this.$u) {
            var t2 = this.$d;
            this.$y = t2.getUTCFullYear(), this.$M = t2.getUTCMonth(), this.$D = t2.getUTCDate(), this.$W = t2.getUTCDay(), this.$H = t2.getUTCHours(), this.$m = t2.getUTCMinutes(), this.$s = t2.getUTCSeconds(), this.$ms = t2.getUTCMilliseconds();
          } else o.call(this);
        };
        var a = u.utcOffset;
        u.utcOffset = function(s2, f2) {
          var n2 = this.$utils().u;
          if (n2(s2)) return this.$u ? 0 : n2(this.$offset) ? a.call(this) : this.$offset;
          if ("string" == typeof s2 && (s2 = (function(t2) {
            void 0 === t2 && (t2 = "");
            var s3 = t2.match(i);
            if (!s3) return null;
            var f3 = ("" + s3[0]).match(e) || ["-", 0, 0], n3 = f3[0], u3 = 60 * +f3[1] + +f3[2];
            return 0 === u3 ? 0 : "+" === n3 ? u3 : -u3;
          })(s2), null === s2)) return this;
          var u2 = Math.abs(s2) <= 16 ? 60 * s2 : s2;
          if (0 === u2) return this.utc(f2);
          var r2 = this.clone();
          if (f2) return r2.$offset = u2, r2.$u = false, r2;
          var o2 = this.$u ? this.toDate().getTimezoneOffset() : -1 * this.utcOffset();
          return (r2 = this.local().add(u2 + o2, t)).$offset = u2, r2.$x.$localOffset = o2, r2;
        };
        var h = u.format;
        u.format = function(t2) {
          var i2 = t2 || (this.$u ? "YYYY-MM-DDTHH:mm:ss[Z]" : "");
          return h.call(this, i2);
        }, u.valueOf = function() {
          var t2 = this.$utils().u(this.$offset) ? 0 : this.$offset + (this.$x.$localOffset || this.$d.getTimezoneOffset());
          return this.$d.valueOf() - 6e4 * t2;
        }, u.isUTC = function() {
          return !!this.$u;
        }, u.toISOString = function() {
          return this.toDate().toISOString();
        }, u.toString = function() {
          return this.toDate().toUTCString();
        };
        var l = u.toDate;
        u.toDate = function(t2) {
          return "s" === t2 && this.$offset ? n(this.format("YYYY-MM-DD HH:mm:ss:SSS")).toDate() : l.call(this);
        };
        var c = u.diff;
        u.diff = function(t2, i2, e2) {
          if (t2 && this.$u === t2.$u) return c.call(this, t2, i2, e2);
          var s2 = this.local(), f2 = n(t2).local();
          return c.call(s2, f2, i2, e2);
        };
      };
    }));
  }
});

// cloudfunctions/api/index.ts
var index_exports = {};
__export(index_exports, {
  main: () => main
});
module.exports = __toCommonJS(index_exports);
var cloud = __toESM(require("wx-server-sdk"));

// src/server/collections.ts
var NO_DEADLINE = 864e13;
function caseToDoc(c, version2 = c.version) {
  return { ...c, version: version2, dueKey: c.dueAt ?? NO_DEADLINE, outboxSize: c.outbox.length };
}
function docToCase(doc) {
  const { dueKey: _dueKey, outboxSize: _outboxSize, ...c } = doc;
  return c;
}

// src/server/adapters/wechat/store.ts
var MAX_LIMIT = 1e3;
var IN_CHUNK = 100;
function chunks(xs, size) {
  const out = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
var clampLimit = (n) => Math.min(MAX_LIMIT, Math.max(0, Math.floor(n)));
function createWechatStore(db) {
  const _ = db.command;
  const coll = (name) => db.collection(name);
  function query(name, where, order) {
    let q = coll(name);
    if (where) q = q.where(where);
    for (const [f, o] of order) q = q.orderBy(f, o);
    return q;
  }
  async function byId(name, id2) {
    const { data } = await coll(name).where({ _id: id2 }).limit(1).get();
    return data[0] ?? null;
  }
  async function byIds(name, ids) {
    const parts = await Promise.all(
      chunks([...new Set(ids)], IN_CHUNK).map(
        (part) => coll(name).where({ _id: _.in(part) }).limit(part.length).get()
      )
    );
    return parts.flatMap((p) => p.data);
  }
  async function all(name, where, order) {
    const out = [];
    for (let skip = 0; ; skip += MAX_LIMIT) {
      let q = query(name, where, order);
      if (skip) q = q.skip(skip);
      const { data } = await q.limit(MAX_LIMIT).get();
      out.push(...data);
      if (data.length < MAX_LIMIT) return out;
    }
  }
  async function page(name, where, order, p) {
    const limit = clampLimit(p.limit);
    const offset = Math.max(0, Math.floor(p.offset));
    const total = coll(name).where(where).count();
    let items = Promise.resolve([]);
    if (limit > 0) {
      let q = query(name, where, order);
      if (offset) q = q.skip(offset);
      items = q.limit(limit).get().then((r) => r.data);
    }
    return { items: await items, total: (await total).total };
  }
  async function first(q) {
    const { data } = await q.limit(1).get();
    return data[0] ?? null;
  }
  async function addIfAbsent(name, doc) {
    try {
      await coll(name).add({ data: doc });
      return true;
    } catch (err) {
      const { total } = await coll(name).where({ _id: doc._id }).count();
      if (total > 0) return false;
      throw err;
    }
  }
  async function limited(q, limit) {
    const n = clampLimit(limit);
    return n > 0 ? (await q.limit(n).get()).data : [];
  }
  return {
    async getActor(openid) {
      const { list } = await coll("people").aggregate().match({ openid }).limit(1).lookup({ from: "memberships", localField: "_id", foreignField: "personId", as: "memberships" }).lookup({ from: "departments", localField: "_id", foreignField: "headId", as: "headOf" }).end();
      const row = list[0];
      if (!row) return null;
      const { memberships, headOf, ...person } = row;
      const byId2 = (a, b) => a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
      return { person, memberships: [...memberships].sort(byId2), headOf: [...headOf].sort(byId2).map((d) => d._id) };
    },
    getPerson: (id2) => byId("people", id2),
    getPeople: (ids) => byIds("people", ids),
    getPersonByOpenid: (openid) => first(coll("people").where({ openid })),
    listPeople: () => all("people", void 0, [
      ["name", "asc"],
      ["_id", "asc"]
    ]),
    listMembershipsOfPerson: (personId) => all("memberships", { personId }, [["_id", "asc"]]),
    async listRoster(groupId) {
      const ms = await all("memberships", { groupId, status: "active" }, [["_id", "asc"]]);
      const people = new Map((await byIds("people", ms.map((m) => m.personId))).map((p) => [p._id, p]));
      const out = [];
      for (const m of ms) {
        const person = people.get(m.personId);
        if (person) out.push({ membership: m, person });
      }
      return out;
    },
    listMemberships: () => all("memberships", void 0, [["_id", "asc"]]),
    getGroups: (ids) => byIds("groups", ids),
    listDepartments: () => all("departments", void 0, [["_id", "asc"]]),
    async insertPerson(p) {
      await coll("people").add({ data: p });
    },
    async insertDepartment(d) {
      await coll("departments").add({ data: d });
    },
    async insertGroup(g) {
      await coll("groups").add({ data: g });
    },
    async putMembership(m) {
      const { _id, ...data } = m;
      await coll("memberships").doc(_id).set({ data });
    },
    async setNickname(groupId, personId, nickname, now) {
      const { stats } = await coll("memberships").doc(`${groupId}:${personId}`).update({ data: { nickname, updatedAt: now } });
      return stats.updated > 0;
    },
    async setMembershipStatus(groupId, personId, status, now) {
      const data = status === "active" ? { status, roles: _.addToSet("member"), updatedAt: now } : { status, updatedAt: now };
      const { stats } = await coll("memberships").doc(`${groupId}:${personId}`).update({ data });
      return stats.updated > 0;
    },
    async setMembershipRole(groupId, personId, role, present, now) {
      const { stats } = await coll("memberships").doc(`${groupId}:${personId}`).update({ data: { roles: present ? _.addToSet(role) : _.pull(role), updatedAt: now } });
      return stats.updated > 0;
    },
    async updatePerson(p) {
      const { _id, ...data } = p;
      await coll("people").doc(_id).set({ data });
    },
    async bindOpenid(personId, openid) {
      if (!await addIfAbsent("openid_claims", { _id: openid, personId })) {
        const claim2 = await byId("openid_claims", openid);
        if (claim2 && claim2.personId !== personId) {
          const holder = await byId("people", claim2.personId);
          if ((holder == null ? void 0 : holder.openid) === openid) return false;
          const took = await coll("openid_claims").where({ _id: openid, personId: claim2.personId }).update({ data: { personId } });
          if (!took.stats.updated) return false;
        }
      }
      const r = await coll("people").where({ _id: personId, openid: null }).update({ data: { openid } });
      if (r.stats.updated > 0) return true;
      await coll("openid_claims").where({ _id: openid, personId }).remove();
      return false;
    },
    async updateDepartment(d) {
      const { _id, ...data } = d;
      await coll("departments").doc(_id).set({ data });
    },
    listGroups: () => all("groups", void 0, [
      ["name", "asc"],
      ["_id", "asc"]
    ]),
    getGroupByOpengid: (opengid) => first(coll("groups").where({ opengid })),
    async setGroupOpengid(groupId, opengid) {
      await coll("groups").where({ _id: groupId }).update({ data: { opengid } });
    },
    async insertInvitation(inv) {
      await coll("invitations").add({ data: inv });
    },
    getInvitation: (id2) => byId("invitations", id2),
    async useInvitation(id2, openid, now) {
      const r = await coll("invitations").where({ _id: id2, usedAt: null }).update({ data: { usedAt: now, usedBy: openid } });
      return r.stats.updated > 0;
    },
    async getCase(id2) {
      const doc = await byId("cases", id2);
      return doc ? docToCase(doc) : null;
    },
    insertCase: (c) => addIfAbsent("cases", caseToDoc(c)),
    async updateCase(c, expectedVersion) {
      const { _id, ...fields } = caseToDoc(c, expectedVersion + 1);
      const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v !== null && typeof v === "object" ? _.set(v) : v]));
      const r = await coll("cases").where({ _id, version: expectedVersion }).update({ data });
      return r.stats.updated > 0;
    },
    async setOutbox(cs, outbox) {
      const r = await coll("cases").where({ _id: cs._id, version: cs.version }).update({ data: { outbox: _.set(outbox), outboxSize: outbox.length } });
      return r.stats.updated > 0;
    },
    async listCasesOfPerson(personId, p) {
      const r = await page("cases", _.or([{ openedBy: personId }, { subjectId: personId }]), [
        ["updatedAt", "desc"],
        ["_id", "desc"]
      ], p);
      return { items: r.items.map(docToCase), total: r.total };
    },
    async listInbox(personId, p) {
      const r = await page("cases", { assignees: personId, open: true }, [
        ["dueKey", "asc"],
        ["createdAt", "asc"],
        ["_id", "asc"]
      ], p);
      return { items: r.items.map(docToCase), total: r.total };
    },
    async listOpenCases(kind, groupId, subjectId) {
      const where = subjectId === void 0 ? { kind, groupId, open: true } : { subjectId, kind, groupId, open: true };
      const docs = await all("cases", where, [
        ["createdAt", "asc"],
        ["_id", "asc"]
      ]);
      return docs.map(docToCase);
    },
    async listCasesOfGroup(groupId, p) {
      const r = await page("cases", { groupId }, [
        ["updatedAt", "desc"],
        ["_id", "desc"]
      ], p);
      return { items: r.items.map(docToCase), total: r.total };
    },
    async listCasesAbout(kind, groupId, subjectId, since) {
      const docs = await all("cases", { subjectId, kind, groupId, createdAt: _.gte(since) }, [
        ["createdAt", "asc"],
        ["_id", "asc"]
      ]);
      return docs.map(docToCase);
    },
    async listDueCases(now, limit) {
      const q = query("cases", { open: true, wakeAt: _.lte(now) }, [
        ["wakeAt", "asc"],
        ["_id", "asc"]
      ]);
      return (await limited(q, limit)).map(docToCase);
    },
    async listCasesWithOutbox(limit) {
      const q = query("cases", { outboxSize: _.gt(0) }, [
        ["updatedAt", "asc"],
        ["_id", "asc"]
      ]);
      return (await limited(q, limit)).map(docToCase);
    },
    async listCasesAfter(afterId, limit) {
      const q = query("cases", afterId === null ? {} : { _id: _.gt(afterId) }, [["_id", "asc"]]);
      return (await limited(q, limit)).map(docToCase);
    },
    insertBackup: (b) => addIfAbsent("backups", b),
    getBackup: (id2) => byId("backups", id2),
    getBackups: (ids) => byIds("backups", ids),
    listBackups: (groupId) => all("backups", { groupId }, [
      ["from", "asc"],
      ["_id", "asc"]
    ]),
    async getBackupInGroup(id2) {
      const { list } = await coll("backups").aggregate().match({ _id: id2 }).limit(1).lookup({ from: "backups", localField: "groupId", foreignField: "groupId", as: "all" }).end();
      const row = list[0];
      if (!row) return null;
      const { all: all2, ...backup } = row;
      const order = (a, b) => a.from !== b.from ? a.from < b.from ? -1 : 1 : a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
      return { backup, all: [...all2].sort(order) };
    },
    findBackupsByFile: (fileId2) => all("backups", { fileId: fileId2 }, [["_id", "asc"]]),
    async updateBackup(b, expectedVersion) {
      const { _id, ...fields } = { ...b, version: expectedVersion + 1 };
      const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v !== null && typeof v === "object" ? _.set(v) : v]));
      const r = await coll("backups").where({ _id, version: expectedVersion }).update({ data });
      return r.stats.updated > 0;
    },
    insertFileAccess: (e) => addIfAbsent("file_access", e),
    getFileAccess: (id2) => byId("file_access", id2),
    listFileAccess: (caseId) => all("file_access", { caseId }, [
      ["at", "asc"],
      ["_id", "asc"]
    ]),
    insertNotification: (n) => addIfAbsent("notifications", n),
    getNotification: (id2) => byId("notifications", id2),
    async setNotificationPush(id2, push, error) {
      await coll("notifications").where({ _id: id2 }).update({ data: { push, pushError: error === void 0 ? _.remove() : error } });
    },
    async listNotifications(personId, p, unreadOnly) {
      const mine = { to: personId };
      const unreadOfMine = { to: personId, read: false };
      const [r, unread] = await Promise.all([
        page("notifications", unreadOnly ? unreadOfMine : mine, [
          ["createdAt", "desc"],
          ["_id", "desc"]
        ], p),
        coll("notifications").where(unreadOfMine).count()
      ]);
      return { ...r, unread: unread.total };
    },
    async markNotificationsRead(personId, ids) {
      let changed = 0;
      for (const part of chunks([...new Set(ids)], IN_CHUNK)) {
        const r = await coll("notifications").where({ _id: _.in(part), to: personId, read: false }).update({ data: { read: true } });
        changed += r.stats.updated;
      }
      return changed;
    },
    listGrants: (personId) => all("grants", { personId }, [["_id", "asc"]]),
    async addGrants(personId, templateId, n, now) {
      var _a2;
      const _id = `${personId}:${templateId}`;
      const inc = () => coll("grants").where({ _id }).update({ data: { count: _.inc(n), updatedAt: now } });
      if ((await inc()).stats.updated === 0) {
        const doc = { _id, personId, templateId, count: n, updatedAt: now };
        if (!await addIfAbsent("grants", doc)) await inc();
      }
      return ((_a2 = await byId("grants", _id)) == null ? void 0 : _a2.count) ?? n;
    },
    async takeGrant(personId, templateId, now) {
      const r = await coll("grants").where({ _id: `${personId}:${templateId}`, count: _.gt(0) }).update({ data: { count: _.inc(-1), updatedAt: now } });
      return r.stats.updated > 0;
    },
    async clearGrants(personId, templateId, now) {
      await coll("grants").where({ _id: `${personId}:${templateId}` }).update({ data: { count: 0, updatedAt: now } });
    },
    async getSettings(version2) {
      if (version2 === void 0) return first(coll("settings").orderBy("version", "desc"));
      return first(coll("settings").where({ version: version2 }));
    },
    insertSettings: (s) => addIfAbsent("settings", s)
  };
}

// src/server/adapters/wechat/files.ts
var CLOUD_ID = /^cloud:\/\/[A-Za-z0-9._-]+\/[^\s?#]{1,512}$/;
function createWechatFiles(cloud2, now = Date.now) {
  return {
    owns: (fileId2) => CLOUD_ID.test(fileId2),
    async read(fileId2) {
      try {
        return (await cloud2.downloadFile({ fileID: fileId2 })).fileContent;
      } catch (err) {
        const code = (err == null ? void 0 : err.errCode) ?? (err == null ? void 0 : err.code);
        if (code === "STORAGE_FILE_NONEXIST" || code === -503003) return null;
        throw err;
      }
    },
    async link(fileId2, expiresAt) {
      const maxAge = Math.floor((expiresAt - now()) / 1e3);
      if (maxAge < 1) throw new Error("link would already be expired");
      const r = await cloud2.getTempFileURL({ fileList: [{ fileID: fileId2, maxAge }] });
      const f = r.fileList[0];
      if (!f || f.status !== 0 || !f.tempFileURL) throw new Error(`getTempFileURL failed: ${(f == null ? void 0 : f.errMsg) ?? "no answer"}`);
      return f.tempFileURL;
    }
  };
}

// src/server/adapters/wechat/deps.ts
var import_node_crypto = require("node:crypto");

// src/server/cached-store.ts
var DIRECTORY_TTL_MS = 5e3;
var MAX_ENTRIES = 2e4;
var TtlMap = class {
  constructor(ttl, now) {
    this.ttl = ttl;
    this.now = now;
    this.m = /* @__PURE__ */ new Map();
  }
  get(key) {
    const e = this.m.get(key);
    if (!e) return void 0;
    if (this.now() - e.at >= this.ttl) {
      this.m.delete(key);
      return void 0;
    }
    return e.value;
  }
  set(key, value) {
    if (this.m.size >= MAX_ENTRIES) this.m.clear();
    this.m.set(key, { value, at: this.now() });
  }
  delete(key) {
    this.m.delete(key);
  }
  clear() {
    this.m.clear();
  }
};
function cachedStore(inner, opts = {}) {
  const ttl = opts.ttlMs ?? DIRECTORY_TTL_MS;
  const now = opts.now ?? Date.now;
  const people = new TtlMap(ttl, now);
  const groups = new TtlMap(ttl, now);
  const rosters = new TtlMap(ttl, now);
  const departments = new TtlMap(ttl, now);
  const everyone = new TtlMap(ttl, now);
  const allGroups = new TtlMap(ttl, now);
  const allMemberships = new TtlMap(ttl, now);
  const list = async (cache, load) => {
    const hit = cache.get("all");
    if (hit) return clone2(hit);
    const all = await load();
    cache.set("all", clone2(all));
    return all;
  };
  const clone2 = (v) => structuredClone(v);
  async function byIds(cache, ids, load) {
    const out = [];
    const missing = [];
    for (const id2 of new Set(ids)) {
      const hit = cache.get(id2);
      if (hit) out.push(clone2(hit));
      else missing.push(id2);
    }
    if (missing.length) {
      for (const found of await load(missing)) {
        cache.set(found._id, clone2(found));
        out.push(found);
      }
    }
    return out;
  }
  const overrides = {
    async getPerson(id2) {
      return (await byIds(people, [id2], (m) => inner.getPeople(m)))[0] ?? null;
    },
    getPeople: (ids) => byIds(people, ids, (m) => inner.getPeople(m)),
    getGroups: (ids) => byIds(groups, ids, (m) => inner.getGroups(m)),
    listDepartments: () => list(departments, () => inner.listDepartments()),
    listPeople: () => list(everyone, () => inner.listPeople()),
    listGroups: () => list(allGroups, () => inner.listGroups()),
    listMemberships: () => list(allMemberships, () => inner.listMemberships()),
    async listRoster(groupId) {
      const hit = rosters.get(groupId);
      if (hit) return clone2(hit);
      const roster = await inner.listRoster(groupId);
      rosters.set(groupId, clone2(roster));
      for (const r of roster) people.set(r.person._id, clone2(r.person));
      return roster;
    },
    // Writes through this instance: forget what they change (rosters embed people).
    async insertPerson(p) {
      await inner.insertPerson(p);
      people.delete(p._id);
      everyone.clear();
    },
    async updatePerson(p) {
      await inner.updatePerson(p);
      people.delete(p._id);
      everyone.clear();
      rosters.clear();
    },
    async bindOpenid(personId, openid) {
      const bound = await inner.bindOpenid(personId, openid);
      people.delete(personId);
      everyone.clear();
      rosters.clear();
      return bound;
    },
    async putMembership(m) {
      await inner.putMembership(m);
      rosters.delete(m.groupId);
      allMemberships.clear();
    },
    async setNickname(groupId, personId, nickname, at) {
      const done = await inner.setNickname(groupId, personId, nickname, at);
      rosters.delete(groupId);
      allMemberships.clear();
      return done;
    },
    async setMembershipStatus(groupId, personId, status, at) {
      const done = await inner.setMembershipStatus(groupId, personId, status, at);
      rosters.delete(groupId);
      allMemberships.clear();
      return done;
    },
    async setMembershipRole(groupId, personId, role, present, at) {
      const done = await inner.setMembershipRole(groupId, personId, role, present, at);
      rosters.delete(groupId);
      allMemberships.clear();
      return done;
    },
    async insertDepartment(d) {
      await inner.insertDepartment(d);
      departments.clear();
    },
    async updateDepartment(d) {
      await inner.updateDepartment(d);
      departments.clear();
    },
    async insertGroup(g) {
      await inner.insertGroup(g);
      groups.delete(g._id);
      allGroups.clear();
    },
    async setGroupOpengid(groupId, opengid) {
      await inner.setGroupOpengid(groupId, opengid);
      groups.delete(groupId);
      allGroups.clear();
    }
  };
  return Object.assign(Object.create(Object.getPrototypeOf(inner)), inner, overrides);
}

// src/server/adapters/wechat/openapi.ts
function miniprogramStateFrom(value) {
  return value === "developer" || value === "trial" ? value : "formal";
}
function wxError(err) {
  if (typeof err !== "object" || err === null) return null;
  const { errCode, errMsg, message } = err;
  if (typeof errCode !== "number") return null;
  return { errCode, errMsg: String(errMsg ?? message ?? "") };
}
function createWechatNotifier(cloud2, miniprogramState = miniprogramStateFrom(process.env.MINIPROGRAM_STATE)) {
  return {
    async send(msg) {
      try {
        const r = await cloud2.openapi.subscribeMessage.send({
          touser: msg.touser,
          templateId: msg.templateId,
          page: msg.page,
          data: msg.data,
          miniprogramState,
          lang: "zh_CN"
        });
        if (r == null ? void 0 : r.errCode) return { ok: false, errCode: r.errCode, errMsg: r.errMsg ?? "" };
        return { ok: true };
      } catch (err) {
        const e = wxError(err);
        if (e) return { ok: false, ...e };
        throw err;
      }
    }
  };
}
var OTHER = "21000";
function createWechatContentCheck(cloud2) {
  return {
    async check(text2, openid, scene) {
      var _a2, _b;
      if (text2 === "") return { pass: true };
      const r = await cloud2.openapi.security.msgSecCheck({ version: 2, openid, scene, content: text2 });
      if (((_a2 = r.result) == null ? void 0 : _a2.suggest) === "pass") return { pass: true };
      return { pass: false, label: String(((_b = r.result) == null ? void 0 : _b.label) ?? OTHER) };
    }
  };
}
function wechatOpenid(cloud2) {
  return cloud2.getWXContext().OPENID || null;
}
function createWechatOpenData(cloud2) {
  return {
    async groupOpengid(cloudID) {
      var _a2, _b;
      try {
        const r = await cloud2.getOpenData({ list: [cloudID] });
        const raw = (_b = (_a2 = r.list) == null ? void 0 : _a2[0]) == null ? void 0 : _b.json;
        const json = typeof raw === "string" ? JSON.parse(raw) : raw;
        const data = (json == null ? void 0 : json.data) ?? json;
        const gid = (data == null ? void 0 : data.opengid) ?? (data == null ? void 0 : data.openGId);
        return typeof gid === "string" && gid ? gid : null;
      } catch {
        return null;
      }
    }
  };
}

// src/server/adapters/wechat/deps.ts
function wechatDeps(cloud2) {
  return {
    // Built once per function instance, so the directory cache lives as long as the instance.
    store: cachedStore(createWechatStore(cloud2.database())),
    notifier: createWechatNotifier(cloud2),
    content: createWechatContentCheck(cloud2),
    files: createWechatFiles(cloud2),
    openData: createWechatOpenData(cloud2),
    clock: { now: () => Date.now() },
    // The owner is set at deployment, never "whoever calls first".
    ownerOpenid: process.env.OWNER_OPENID ?? null,
    ids: import_node_crypto.randomUUID
  };
}

// src/server/adapters/wechat/types.ts
function wechatCloud(sdk) {
  return sdk;
}

// src/contract/errors.ts
var ERROR_MESSAGES = {
  BAD_INPUT: "\u63D0\u4EA4\u7684\u5185\u5BB9\u683C\u5F0F\u4E0D\u6B63\u786E\uFF0C\u8BF7\u68C0\u67E5\u540E\u91CD\u8BD5",
  UNKNOWN_ACTION: "\u4E0D\u652F\u6301\u7684\u64CD\u4F5C",
  UNAUTHENTICATED: "\u8BF7\u5148\u767B\u5F55\u540E\u518D\u64CD\u4F5C",
  NOT_BOUND: "\u4F60\u8FD8\u6CA1\u6709\u7ED1\u5B9A\u8EAB\u4EFD\uFF0C\u8BF7\u5411\u6240\u5728\u90E8\u95E8\u8D1F\u8D23\u4EBA\u7D22\u53D6\u9080\u8BF7\u5361\u7247",
  OFFBOARDED: "\u4F60\u7684\u8D26\u53F7\u5DF2\u505C\u7528\uFF0C\u5982\u6709\u7591\u95EE\u8BF7\u8054\u7CFB\u90E8\u95E8\u8D1F\u8D23\u4EBA",
  FORBIDDEN: "\u4F60\u6CA1\u6709\u6743\u9650\u8FDB\u884C\u6B64\u64CD\u4F5C",
  NOT_FOUND: "\u627E\u4E0D\u5230\u8BE5\u8BB0\u5F55\uFF0C\u53EF\u80FD\u5DF2\u88AB\u5220\u9664\u6216\u4F60\u65E0\u6743\u67E5\u770B",
  NOT_MEMBER: "\u4F60\u4E0D\u662F\u8BE5\u7FA4\u7684\u6210\u5458",
  CASE_ALREADY_DECIDED: "\u8BE5\u7533\u8BF7\u5DF2\u88AB\u5176\u4ED6\u4EBA\u5904\u7406\uFF0C\u8BF7\u5237\u65B0\u67E5\u770B\u6700\u65B0\u7ED3\u679C",
  CASE_NOT_OPEN: "\u8BE5\u4E8B\u9879\u5DF2\u7ED3\u675F\uFF0C\u4E0D\u80FD\u518D\u64CD\u4F5C",
  DUPLICATE_OPEN_REQUEST: "\u4F60\u5728\u8BE5\u7FA4\u5DF2\u6709\u4E00\u4E2A\u5F85\u5BA1\u6279\u7684\u6539\u540D\u7533\u8BF7\uFF0C\u8BF7\u7B49\u5F85\u5904\u7406\u6216\u5148\u64A4\u56DE",
  NAME_INVALID: "\u7FA4\u6635\u79F0\u4E0D\u7B26\u5408\u547D\u540D\u89C4\u8303",
  REASON_REQUIRED: "\u8BF7\u586B\u5199\u7406\u7531",
  CONTENT_REJECTED: "\u5185\u5BB9\u672A\u901A\u8FC7\u5B89\u5168\u68C0\u67E5\uFF0C\u8BF7\u4FEE\u6539\u540E\u518D\u63D0\u4EA4",
  PERIOD_INVALID: "\u5907\u4EFD\u5468\u671F\u4E0D\u6B63\u786E\uFF1A\u5F00\u59CB\u65E5\u671F\u4E0D\u80FD\u665A\u4E8E\u7ED3\u675F\u65E5\u671F\uFF0C\u4E14\u4E0D\u80FD\u665A\u4E8E\u4ECA\u5929",
  FILE_INVALID: "\u627E\u4E0D\u5230\u4E0A\u4F20\u7684\u6587\u4EF6\uFF0C\u8BF7\u91CD\u65B0\u4E0A\u4F20\u540E\u518D\u767B\u8BB0",
  STORAGE_REQUIRED: "\u8BF7\u4E0A\u4F20\u5907\u4EFD\u6587\u4EF6\uFF0C\u6216\u586B\u5199\u672C\u5730\u5B58\u50A8\u4F4D\u7F6E",
  PLEDGE_REQUIRED: "\u8BF7\u5148\u9605\u8BFB\u5E76\u52FE\u9009\u4FDD\u5BC6\u627F\u8BFA",
  EXPIRY_INVALID: "\u6709\u6548\u671F\u4E0D\u6B63\u786E\uFF0C\u8BF7\u5728\u5141\u8BB8\u7684\u5929\u6570\u5185\u9009\u62E9",
  ACCESS_NOT_ACTIVE: "\u67E5\u9605\u6388\u6743\u5DF2\u8FC7\u671F\u6216\u5DF2\u64A4\u9500\uFF0C\u4E0D\u80FD\u518D\u83B7\u53D6\u4E0B\u8F7D\u94FE\u63A5",
  NOT_GRANTED: "\u8BE5\u5907\u4EFD\u4E0D\u5728\u4F60\u7684\u67E5\u9605\u6388\u6743\u8303\u56F4\u5185",
  APPEAL_CLOSED: "\u7533\u8BC9\u671F\u9650\u5DF2\u8FC7\uFF0C\u5904\u7406\u51B3\u5B9A\u5DF2\u751F\u6548",
  APPEAL_ALREADY_OPEN: "\u8BE5\u5904\u7406\u51B3\u5B9A\u5DF2\u6709\u4E00\u4E2A\u7533\u8BC9\u6B63\u5728\u5904\u7406\uFF0C\u8BF7\u7B49\u5F85\u7B54\u590D",
  PENALTY_NOT_ALLOWED: "\u6240\u9009\u5904\u7406\u4E0D\u7B26\u5408\u5904\u7F5A\u89C4\u5219",
  TASK_NOT_PENDING: "\u6CA1\u6709\u5F85\u786E\u8BA4\u7684\u7FA4\u5185\u64CD\u4F5C\uFF0C\u53EF\u80FD\u5DF2\u88AB\u5176\u4ED6\u7BA1\u7406\u5458\u786E\u8BA4",
  EVIDENCE_INVALID: "\u8BC1\u636E\u56FE\u7247\u65E0\u6548\u6216\u5DF2\u4E22\u5931\uFF0C\u8BF7\u91CD\u65B0\u4E0A\u4F20",
  BACKUP_NOT_IN_GROUP: "\u6240\u9009\u7684\u804A\u5929\u8BB0\u5F55\u5907\u4EFD\u4E0D\u5B58\u5728\u6216\u4E0D\u5C5E\u4E8E\u672C\u7FA4\uFF0C\u4E0D\u80FD\u4F5C\u4E3A\u8BC1\u636E\u5F15\u7528",
  CATEGORY_UNKNOWN: "\u8FDD\u89C4\u7C7B\u522B\u4E0D\u5728\u7CFB\u7EDF\u8BBE\u7F6E\u7684\u7C7B\u522B\u4E2D",
  SETTINGS_INVALID: "\u8BBE\u7F6E\u5185\u5BB9\u4E0D\u5408\u7406\uFF0C\u8BF7\u68C0\u67E5\u540E\u91CD\u8BD5",
  INVITATION_INVALID: "\u9080\u8BF7\u65E0\u6548\uFF0C\u8BF7\u5411\u90E8\u95E8\u8D1F\u8D23\u4EBA\u7D22\u53D6\u65B0\u7684\u9080\u8BF7\u5361\u7247",
  INVITATION_USED: "\u8BE5\u9080\u8BF7\u5DF2\u88AB\u4F7F\u7528\u8FC7\uFF0C\u6BCF\u5F20\u9080\u8BF7\u5361\u7247\u53EA\u80FD\u4F7F\u7528\u4E00\u6B21\uFF1B\u5982\u9700\u91CD\u65B0\u7ED1\u5B9A\u8BF7\u8054\u7CFB\u90E8\u95E8\u8D1F\u8D23\u4EBA",
  INVITATION_EXPIRED: "\u8BE5\u9080\u8BF7\u5DF2\u8FC7\u671F\uFF0C\u8BF7\u5411\u90E8\u95E8\u8D1F\u8D23\u4EBA\u7D22\u53D6\u65B0\u7684\u9080\u8BF7\u5361\u7247",
  ALREADY_BOUND: "\u4F60\u7684\u5FAE\u4FE1\u5DF2\u7ED1\u5B9A\u672C\u5355\u4F4D\u7684\u4E00\u4F4D\u4EBA\u5458\uFF0C\u4E00\u4E2A\u5FAE\u4FE1\u53EA\u80FD\u7ED1\u5B9A\u4E00\u4EBA",
  PERSON_ALREADY_BOUND: "\u6B64\u4EBA\u5DF2\u7ED1\u5B9A\u5FAE\u4FE1\uFF0C\u65E0\u9700\u518D\u9080\u8BF7",
  PERSON_LEFT: "\u6B64\u4EBA\u5DF2\u79BB\u804C\u6216\u5DF2\u79FB\u51FA\uFF0C\u4E0D\u80FD\u518D\u64CD\u4F5C",
  EMPLOYEE_NO_TAKEN: "\u8BE5\u5DE5\u53F7\u5DF2\u88AB\u767B\u8BB0\uFF0C\u8BF7\u68C0\u67E5\u540E\u91CD\u8BD5",
  NAME_TAKEN: "\u540D\u79F0\u5DF2\u88AB\u4F7F\u7528\uFF0C\u8BF7\u6362\u4E00\u4E2A\u540D\u79F0",
  NO_GROUP_CONTEXT: "\u8BF7\u5728\u8981\u7ED1\u5B9A\u7684\u5FAE\u4FE1\u7FA4\u91CC\u6253\u5F00\u5C0F\u7A0B\u5E8F\uFF0C\u518D\u8FDB\u884C\u7ED1\u5B9A",
  GROUP_ALREADY_BOUND: "\u8FD9\u4E2A\u5FAE\u4FE1\u7FA4\u5DF2\u7ED1\u5B9A\u5230\u53E6\u4E00\u4E2A\u5DF2\u767B\u8BB0\u7684\u7FA4",
  DUPLICATE_OPEN_CASE: "\u5DF2\u6709\u4E00\u4E2A\u540C\u7C7B\u4E8B\u9879\u6B63\u5728\u529E\u7406\u4E2D\uFF0C\u8BF7\u7B49\u5F85\u5904\u7406",
  LAST_ADMIN: "\u6BCF\u4E2A\u7FA4\u81F3\u5C11\u8981\u6709\u4E00\u540D\u7BA1\u7406\u5458\uFF0C\u4E0D\u80FD\u79FB\u9664\u6700\u540E\u4E00\u540D\u7BA1\u7406\u5458",
  NOT_ELIGIBLE: "\u6B64\u4EBA\u4E0D\u662F\u8BE5\u7FA4\u7684\u5728\u518C\u6210\u5458\uFF0C\u4E0D\u80FD\u62C5\u4EFB\u6216\u88AB\u9009\u4E3A\u7BA1\u7406\u5458",
  ELECTION_CLOSED: "\u4E0D\u5728\u63D0\u540D\u6216\u6295\u7968\u65F6\u95F4\u5185\uFF0C\u64CD\u4F5C\u672A\u88AB\u63A5\u53D7",
  ALREADY_VOTED: "\u4F60\u5DF2\u7ECF\u6295\u8FC7\u7968\u4E86\uFF0C\u6BCF\u4EBA\u53EA\u80FD\u6295\u4E00\u7968",
  NOT_CANDIDATE: "\u53EA\u80FD\u6295\u7ED9\u5DF2\u63D0\u540D\u7684\u5019\u9009\u4EBA",
  DATE_INVALID: "\u65E5\u671F\u4E0D\u5408\u7406\uFF0C\u8BF7\u68C0\u67E5\u540E\u91CD\u8BD5",
  CONFLICT: "\u7CFB\u7EDF\u7E41\u5FD9\uFF0C\u8BF7\u7A0D\u540E\u91CD\u8BD5",
  INTERNAL: "\u670D\u52A1\u6682\u65F6\u4E0D\u53EF\u7528\uFF0C\u8BF7\u7A0D\u540E\u91CD\u8BD5"
};
var ERROR_CODES = Object.keys(ERROR_MESSAGES);
function fail(code, message, issues) {
  const f = { ok: false, code, message: message ?? ERROR_MESSAGES[code] };
  if (issues && issues.length) f.issues = issues;
  return f;
}
function ok(data) {
  return { ok: true, data };
}

// src/contract/model.ts
var CASE_KIND_LABELS = {
  rename: "\u6539\u540D\u7533\u8BF7",
  naming_fix: "\u6635\u79F0\u6574\u6539",
  onboard: "\u5165\u7FA4\u4EFB\u52A1",
  offboard: "\u79FB\u51FA\u4EFB\u52A1",
  guest: "\u5916\u90E8\u4EBA\u5458\u5165\u7FA4",
  admin_filing: "\u7BA1\u7406\u5458\u4EFB\u547D\u5907\u6848",
  admin_change: "\u7BA1\u7406\u5458\u53D8\u66F4",
  election: "\u7BA1\u7406\u5458\u9009\u4E3E",
  record_access: "\u67E5\u9605\u804A\u5929\u8BB0\u5F55",
  backup_due: "\u804A\u5929\u8BB0\u5F55\u5907\u4EFD\u5230\u671F",
  violation: "\u8FDD\u89C4\u5904\u7406"
};
var STATE_LABELS = {
  submitted: "\u5F85\u5BA1\u6279",
  approved: "\u5DF2\u901A\u8FC7",
  rejected: "\u5DF2\u9A73\u56DE",
  withdrawn: "\u5DF2\u64A4\u56DE",
  pending: "\u5F85\u529E\u7406",
  done: "\u5DF2\u5B8C\u6210",
  cancelled: "\u5DF2\u53D6\u6D88",
  asked: "\u5F85\u6539\u6B63",
  fixed: "\u5DF2\u6539\u6B63",
  filed: "\u5F85\u9886\u5BFC\u9605\u77E5",
  acknowledged: "\u5DF2\u5907\u6848",
  nominating: "\u63D0\u540D\u4E2D",
  voting: "\u6295\u7968\u4E2D",
  tie: "\u5E73\u7968\u5F85\u9886\u5BFC\u88C1\u5B9A",
  elected: "\u5DF2\u9009\u51FA",
  failed: "\u672A\u9009\u51FA",
  requested: "\u5F85\u6279\u51C6",
  adding: "\u5F85\u7BA1\u7406\u5458\u6DFB\u52A0",
  active: "\u5728\u7FA4\u4E2D",
  removing: "\u5F85\u79FB\u51FA",
  ended: "\u5DF2\u79FB\u51FA",
  // record_access after approval
  revoked: "\u5DF2\u64A4\u9500\u6388\u6743",
  expired: "\u6388\u6743\u5DF2\u5230\u671F",
  // backup_due
  due: "\u5F85\u5907\u4EFD",
  // violation (prefixed: other kinds use some of the same words)
  vio_referred: "\u5F85\u9886\u5BFC\u51B3\u5B9A\u5904\u5206",
  vio_decided: "\u5DF2\u5904\u7406\xB7\u7533\u8BC9\u671F\u5185",
  vio_appealed: "\u7533\u8BC9\u5F85\u7B54\u590D",
  vio_answered: "\u7533\u8BC9\u5DF2\u7B54\u590D",
  vio_escalated: "\u5F85\u9886\u5BFC\u88C1\u51B3",
  vio_final: "\u5904\u7406\u5DF2\u751F\u6548",
  vio_revoked: "\u5DF2\u64A4\u9500"
};
var ACCESS_PLEDGE = "\u67E5\u9605\u7FA4\u804A\u8BB0\u5F55\u65F6\u9075\u5B88\u4FDD\u5BC6\u89C4\u5B9A\uFF0C\u4E0D\u5C06\u8BB0\u5F55\u6CC4\u9732\u7ED9\u65E0\u5173\u4EBA\u5458\u6216\u7528\u4E8E\u975E\u5DE5\u4F5C\u76EE\u7684\uFF1B\u5982\u9700\u5F15\u7528\u4F5C\u4E3A\u5DE5\u4F5C\u4F9D\u636E\uFF0C\u786E\u4FDD\u8BB0\u5F55\u771F\u5B9E\u51C6\u786E\u5E76\u6CE8\u660E\u51FA\u5904\u3002";
var SEVERITIES = ["minor", "serious", "major"];
var SEVERITY_LABELS = { minor: "\u8F7B\u5FAE", serious: "\u4E25\u91CD", major: "\u91CD\u5927\u635F\u5931" };
var LADDER_STEPS = ["warning", "removal", "referral"];
var MEASURES = ["criticism", "fine", "demotion", "dismissal"];
var PENALTY_LABELS = {
  warning: "\u8B66\u544A",
  removal: "\u79FB\u51FA\u7FA4\u804A",
  referral: "\u62A5\u4E0A\u7EA7\u9886\u5BFC\u7ED9\u4E88\u7EAA\u5F8B\u5904\u5206",
  criticism: "\u6279\u8BC4\u6559\u80B2",
  fine: "\u7F5A\u6B3E",
  demotion: "\u964D\u804C",
  dismissal: "\u8F9E\u9000",
  none: "\u4E0D\u4E88\u5904\u7406\uFF08\u5DF2\u64A4\u9500\uFF09"
};
var APPEAL_OUTCOMES = ["uphold", "reduce", "revoke"];
var APPEAL_OUTCOME_LABELS = { uphold: "\u7EF4\u6301\u539F\u5904\u7406", reduce: "\u51CF\u8F7B\u5904\u7406", revoke: "\u64A4\u9500\u5904\u7406" };
var GROUP_TYPES = ["department", "project", "exchange"];
var GROUP_TYPE_LABELS = {
  department: "\u90E8\u95E8\u7FA4",
  project: "\u9879\u76EE\u7FA4",
  exchange: "\u5DE5\u4F5C\u4EA4\u6D41\u7FA4"
};

// node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter;
    this._value = void 0;
  }
  get value() {
    const getter = this._getter;
    if (getter !== void 0) {
      this._value = getter();
      this._getter = void 0;
    }
    return this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function nullish(input) {
  return input === null || input === void 0;
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || (params == null ? void 0 : params.parent))
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if ((params == null ? void 0 : params.message) !== void 0) {
    if ((params == null ? void 0 : params.error) !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
var NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-34028234663852886e22, 34028234663852886e22],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
}))();
function aborted(x, startIndex = 0) {
  var _a2;
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (((_a2 = x.issues[i]) == null ? void 0 : _a2.continue) !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  var _a2;
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (((_a2 = x.issues[i]) == null ? void 0 : _a2.continue) === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path, issues) {
  return issues.map((iss) => {
    var _a2;
    (_a2 = iss).path ?? (_a2.path = []);
    iss.path.unshift(path);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message == null ? void 0 : message.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a2;
  for (let i = start; i < issues.length; i++) {
    (_a2 = issues[i]).schema ?? (_a2.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a3, _b, _c, _d, _e, _f, _g, _h, _i, _j;
  var _a2;
  const traits = (_b = (_a3 = iss.inst) == null ? void 0 : _a3._zod) == null ? void 0 : _b.traits;
  if (traits == null ? void 0 : traits.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a2 = iss).schema ?? (_a2.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? (_d = (_c = iss.schema) == null ? void 0 : _c._zod.def) == null ? void 0 : _d.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage((_g = (_f = (_e = iss.inst) == null ? void 0 : _e._zod.def) == null ? void 0 : _f.error) == null ? void 0 : _g.call(_f, iss)) ?? unwrapMessage(schemaError == null ? void 0 : schemaError(iss)) ?? unwrapMessage((_h = ctx == null ? void 0 : ctx.error) == null ? void 0 : _h.call(ctx, iss)) ?? unwrapMessage((_i = config2.customError) == null ? void 0 : _i.call(config2, iss)) ?? unwrapMessage((_j = config2.localeError) == null ? void 0 : _j.call(config2, iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx == null ? void 0 : ctx.reportInput) {
    full.input = iss.input;
  }
  return full;
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
  const units = str.length;
  if (!highSurrogate.test(str))
    return units;
  let count = units;
  for (let i = 0; i < units - 1; i++) {
    if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
      count--;
      i++;
    }
  }
  return count;
}
function getLengthableOrigin(input) {
  if (Array.isArray(input))
    return "array";
  if (typeof input === "string")
    return "string";
  return "unknown";
}
function issue(...args) {
  const [iss, input, inst] = args;
  if (typeof iss === "string") {
    return {
      message: iss,
      code: "custom",
      input,
      inst
    };
  }
  return { ...iss };
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}

// node_modules/zod/v4/core/core.js
var _a;
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init2(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer2(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = (params == null ? void 0 : params.Parent) ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    var _a2;
    const inst = (params == null ? void 0 : params.Parent) ? newError(Definition) : this;
    init2(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = (_a2 = globalThis.__zod_globalConfig) == null ? void 0 : _a2.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init2 });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      var _a2, _b;
      if ((params == null ? void 0 : params.Parent) && inst instanceof params.Parent)
        return true;
      return (_b = (_a2 = inst == null ? void 0 : inst._zod) == null ? void 0 : _a2.traits) == null ? void 0 : _b.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value = () => this.message;
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
      }
    });
  }
};
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});

// node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
  const fn = (schema, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new ((_params == null ? void 0 : _params.Err) ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, (_params == null ? void 0 : _params.callee) ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => {
  const fn = async (schema, value, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new ((params == null ? void 0 : params.Err) ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, (params == null ? void 0 : params.callee) ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error;
  return {
    success: false,
    get error() {
      if (!error) {
        error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error;
    },
    set error(e) {
      error = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// node_modules/zod/v4/core/regexes.js
var anyString = /^[\s\S]{0,}$/;
var number = /^-?\d+(?:\.\d+)?$/;
var boolean = /^(?:true|false)$/i;

// node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a2;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a2 = inst._zod).onattach ?? (_a2.onattach = []);
});
var _whenHasLength = (payload) => {
  const val = payload.value;
  return !nullish(val) && val.length !== void 0;
};
var numericOriginMap = {
  number: "number",
  bigint: "bigint",
  object: "date"
};
var $ZodCheckLessThan = /* @__PURE__ */ $constructor("$ZodCheckLessThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_big",
      maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_small",
      minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
  var _a2;
  $ZodCheck.init(inst, def);
  def.format = def.format || "float64";
  const isInt = (_a2 = def.format) == null ? void 0 : _a2.includes("int");
  const origin = isInt ? "int" : "number";
  const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
  inst._zod.check = (payload) => {
    const input = payload.value;
    if (isInt) {
      if (!Number.isInteger(input)) {
        payload.issues.push({
          expected: origin,
          format: def.format,
          code: "invalid_type",
          continue: false,
          input,
          inst
        });
        return;
      }
      if (!Number.isSafeInteger(input)) {
        if (input > 0) {
          payload.issues.push({
            input,
            code: "too_big",
            maximum: Number.MAX_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        } else {
          payload.issues.push({
            input,
            code: "too_small",
            minimum: Number.MIN_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        }
        return;
      }
    }
    if (input < minimum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_small",
        minimum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
    if (input > maximum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_big",
        maximum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
  };
});
var $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
  var _a2;
  $ZodCheck.init(inst, def);
  (_a2 = inst._zod.def).when ?? (_a2.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
    if (length <= def.maximum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_big",
      maximum: def.maximum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
  var _a2;
  $ZodCheck.init(inst, def);
  (_a2 = inst._zod.def).when ?? (_a2.when = _whenHasLength);
  inst._zod.check = (payload) => {
    const input = payload.value;
    const units = input.length;
    const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
    if (length >= def.minimum)
      return;
    const origin = getLengthableOrigin(input);
    payload.issues.push({
      origin,
      code: "too_small",
      minimum: def.minimum,
      inclusive: true,
      input,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
  var _a2, _b;
  $ZodCheck.init(inst, def);
  if (def.pattern)
    (_a2 = inst._zod).check ?? (_a2.check = (payload) => {
      def.pattern.lastIndex = 0;
      if (def.pattern.test(payload.value))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: def.format,
        input: payload.value,
        ...def.pattern ? { pattern: def.pattern.toString() } : {},
        inst,
        continue: !def.abort
      });
    });
  else
    (_b = inst._zod).check ?? (_b.check = () => {
    });
});
var $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
  $ZodCheckStringFormat.init(inst, def);
  inst._zod.check = (payload) => {
    def.pattern.lastIndex = 0;
    if (def.pattern.test(payload.value))
      return;
    payload.issues.push({
      origin: "string",
      code: "invalid_format",
      format: "regex",
      input: payload.value,
      pattern: def.pattern.toString(),
      inst,
      continue: !def.abort
    });
  };
});

// node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a3;
  var _a2;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : (defChecks == null ? void 0 : defChecks.length) ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a2 = inst._zod).deferred ?? (_a2.deferred = []);
    (_a3 = inst._zod.deferred) == null ? void 0 : _a3.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && (ctx == null ? void 0 : ctx.async) === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = def.pattern ?? anyString;
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {
      }
    if (typeof payload.value === "string")
      return payload;
    payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = number;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
      return payload;
    }
    const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
    payload.issues.push({
      expected: "number",
      code: "invalid_type",
      input,
      inst,
      ...received ? { received } : {}
    });
    return payload;
  };
});
var $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
  $ZodCheckNumberFormat.init(inst, def);
  $ZodNumber.init(inst, def);
});
var $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = boolean;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Boolean(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "boolean")
      return payload;
    payload.issues.push({
      expected: "boolean",
      code: "invalid_type",
      input,
      inst
    });
    return payload;
  };
});
var $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.issues.push({
      expected: "never",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse2 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n = size(payload.value);
    if (n > cap && !(ctx == null ? void 0 : ctx.skipChecks) && (ctx == null ? void 0 : ctx.direction) !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n > max && ch._zod.def.when(payload)) {
          const start = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start].continue = false;
          attachSchema(payload.issues, start, inst);
          return payload;
        }
      }
    }
    return parse2(payload, ctx);
  };
}
var arraySize = (input) => Array.isArray(input) ? input.length : -1;
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
var $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo == null ? void 0 : memo.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!Array.isArray(input)) {
      payload.issues.push({
        expected: "array",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
    const proms = [];
    const abortEarly = ctx == null ? void 0 : ctx.abortEarly;
    for (let i = 0; i < input.length; i++) {
      const item = input[i];
      const result = def.element._zod.run({
        value: item,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
      } else {
        handleArrayResult(result, payload, i);
        if (abortEarly && result.issues.length !== 0 && aborted(result))
          break;
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
  capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  var _a2, _b, _c, _d;
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!((_d = (_c = (_b = (_a2 = def.shape) == null ? void 0 : _a2[k]) == null ? void 0 : _b._zod) == null ? void 0 : _c.traits) == null ? void 0 : _d.has("$ZodType"))) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  const sh = (desc == null ? void 0 : desc.get) ? desc.get.raw : def.shape ?? {};
  if (sh) {
    const get = () => {
      const newSh = { ...sh };
      Object.defineProperty(def, "shape", { value: newSh });
      get.raw = newSh;
      return newSh;
    };
    get.raw = sh;
    Object.defineProperty(def, "shape", { get });
  }
  const _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    const shape = zod.def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
          assignProp(propValues, key, /* @__PURE__ */ new Set());
        }
        for (const v of field.values)
          propValues[key].add(v);
        if (field.optin !== void 0)
          propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  const isObject2 = isObject;
  const catchall = def.catchall;
  let value;
  const memo = globalConfig.memoizer;
  memo == null ? void 0 : memo.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input = payload.value;
    if (!isObject2(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
    const proms = [];
    const shape = value.shape;
    const abortEarly = ctx == null ? void 0 : ctx.abortEarly;
    let seen = payload.issues.length;
    for (const key of value.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      const el = shape[key];
      const optin = el._zod.optin;
      const optout = el._zod.optout;
      const r = el._zod.run({ value: input[key], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
      } else {
        handlePropertyResult(r, payload, key, input, optin, optout);
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
  };
});
var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo == null ? void 0 : memo.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!isPlainObject(input)) {
      payload.issues.push({
        expected: "record",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    const proms = [];
    const values = def.keyType._zod.values;
    if (values && !def.partial) {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      const recordKeys = /* @__PURE__ */ new Set();
      for (const key of values) {
        if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
          recordKeys.add(typeof key === "number" ? key.toString() : key);
          if (key === "__proto__")
            continue;
          const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
          if (keyResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (keyResult.issues.length) {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
            continue;
          }
          const outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[outKey] = result2.value;
            }));
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[outKey] = result.value;
          }
        }
      }
      let unrecognized;
      for (const key in input) {
        if (!recordKeys.has(key)) {
          if (def.mode === "loose") {
            if (key === "__proto__")
              continue;
            payload.value[key] = input[key];
          } else {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          }
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    } else {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      let unrecognized;
      for (const key of Reflect.ownKeys(input)) {
        if (key === "__proto__")
          continue;
        if (!Object.prototype.propertyIsEnumerable.call(input, key))
          continue;
        let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise) {
          throw new Error("Async schemas not supported in object keys currently");
        }
        const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
        if (checkNumericKey) {
          const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
          if (retryResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (retryResult.issues.length === 0) {
            keyResult = retryResult;
          }
        }
        if (keyResult.issues.length) {
          if (def.mode === "loose") {
            payload.value[key] = input[key];
          } else if (values) {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          } else {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
          }
          continue;
        }
        const outKey = keyResult.value;
        if (outKey === "__proto__")
          continue;
        const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((result2) => {
            if (result2.issues.length) {
              payload.issues.push(...prefixIssues(key, result2.issues));
            }
            payload.value[outKey] = result2.value;
          }));
        } else {
          if (result.issues.length) {
            payload.issues.push(...prefixIssues(key, result.issues));
          }
          payload.value[outKey] = result.value;
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (valuesSet.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input,
      inst
    });
    return payload;
  };
});
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  inst._zod.optout = "optional";
  defineLazyInternal(inst, "values", (zod) => {
    const values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      if (result instanceof Promise)
        return result.then((result2) => handleOptionalResult(payload, result2));
      return handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
  $ZodCheck.init(inst, def);
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _) => {
    return payload;
  };
  inst._zod.check = (payload) => {
    const input = payload.value;
    const r = def.fn(input);
    if (r instanceof Promise) {
      return r.then((r2) => handleRefineResult(r2, payload, input, inst));
    }
    handleRefineResult(r, payload, input, inst);
    return;
  };
});
function handleRefineResult(result, payload, input, inst) {
  if (!result) {
    const _iss = {
      code: "custom",
      input,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params)
      _iss.params = inst._zod.def.params;
    payload.issues.push(issue(_iss));
  }
}

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
  return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
  return new Class({
    type: "number",
    check: "number_format",
    abort: false,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
  return new Class({
    type: "boolean",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
  return new Class({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
  const ch = new $ZodCheckMaxLength({
    check: "max_length",
    ...normalizeParams(params),
    maximum
  });
  return ch;
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
  return new $ZodCheckMinLength({
    check: "min_length",
    ...normalizeParams(params),
    minimum
  });
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
  return new $ZodCheckRegex({
    check: "string_format",
    format: "regex",
    ...normalizeParams(params),
    pattern
  });
}
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
  const schema = new Class({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
  return schema;
}

// node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
  $ZodString.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string2(params) {
  return _string(ZodMiniString, params);
}
var ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
  $ZodNumber.init(inst, def);
  ZodMiniType.init(inst, def);
});
var ZodMiniNumberFormat = /* @__PURE__ */ $constructor("ZodMiniNumberFormat", (inst, def) => {
  $ZodNumberFormat.init(inst, def);
  ZodMiniNumber.init(inst, def);
});
function int(params) {
  return _int(ZodMiniNumberFormat, params);
}
var ZodMiniBoolean = /* @__PURE__ */ $constructor("ZodMiniBoolean", (inst, def) => {
  $ZodBoolean.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function boolean2(params) {
  return _boolean(ZodMiniBoolean, params);
}
var ZodMiniNever = /* @__PURE__ */ $constructor("ZodMiniNever", (inst, def) => {
  $ZodNever.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function never(params) {
  return _never(ZodMiniNever, params);
}
var ZodMiniArray = /* @__PURE__ */ $constructor("ZodMiniArray", (inst, def) => {
  $ZodArray.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
  return new ZodMiniArray({
    type: "array",
    element,
    ...normalizeParams(params)
  });
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self2) => self2._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ never(),
    ...normalizeParams(params)
  });
}
var ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
  $ZodRecord.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodMiniRecord({
      type: "record",
      keyType: /* @__PURE__ */ string2(),
      valueType: keyType,
      ...normalizeParams(valueType)
    });
  }
  return new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
var ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodMiniType.init(inst, def);
  inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
var ZodMiniCustom = /* @__PURE__ */ $constructor("ZodMiniCustom", (inst, def) => {
  $ZodCustom.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
  return _refine(ZodMiniCustom, fn, _params);
}

// src/contract/settings.ts
var isoDate = string2().check(_regex(/^\d{4}-\d{2}-\d{2}$/));
var calendarOverridesSchema = strictObject({
  /** Extra days off (company holidays, or an official holiday of a year the library does not know). */
  holidays: array(isoDate).check(_maxLength(400)),
  /** Extra working days (调休 Saturdays/Sundays of a year the library does not know). */
  workdays: array(isoDate).check(_maxLength(400)),
  /** Years whose official schedule the owner has entered and confirmed. */
  confirmedYears: array(int().check(_gte(2e3), _lte(2100))).check(_maxLength(50))
});
var days = int().check(_gte(1), _lte(60));
var settingsValuesSchema = strictObject({
  naming: strictObject({
    separator: _enum(["-", "\xB7", "_", "/", "|"]),
    maxLength: int().check(_gte(6), _lte(32))
  }),
  rename: strictObject({
    /** Working days an admin has to decide. */
    adminDays: days,
    /** Working days after the reminder before the leader is alerted. */
    escalateAfterDays: days
  }),
  /** Joining, roster tasks and admins (§2.1, §3.1). */
  membership: strictObject({
    /** Hours an invitation card stays valid. */
    invitationHours: int().check(_gte(1), _lte(24 * 30)),
    /** Working days an admin has to add a new hire to a group. */
    onboardDays: days,
    /** Working days an admin has to remove a leaver (§2.1 及时). */
    offboardDays: days,
    /** Working days after the reminder before the leader is alerted. */
    escalateAfterDays: days,
    /** Longest stay of an external guest, in calendar days. */
    guestMaxDays: int().check(_gte(1), _lte(366)),
    /** Working days the department head or leader has to approve a guest. */
    guestApproveDays: days,
    /** Working days the leader has to decide an admin change. */
    adminChangeDays: days,
    /** Working days for nominations, then for votes, in an admin election. */
    nominationDays: days,
    votingDays: days
  }),
  /** Violations, the penalty ladder and appeals (§7). */
  violation: strictObject({
    /** The six kinds of §7.1, as the organisation words them. */
    categories: array(string2().check(_minLength(1), _maxLength(40))).check(_minLength(1), _maxLength(12)),
    /** This many violations (this one included) within `windowDays` calendar days is a repeat → removal. */
    repeatCount: int().check(_gte(2), _lte(10)),
    windowDays: int().check(_gte(1), _lte(730)),
    /** X₁: working days the member has to appeal after being notified. */
    appealDays: days,
    /** X₂: working days the admin (or leader) has to answer. */
    answerDays: days,
    /** X₃: working days the member has to escalate to the leader after the answer. */
    escalateDays: days,
    /** Working days after a reminder before the leader is alerted. */
    remindAfterDays: days
  }),
  calendar: calendarOverridesSchema,
  /** Chat-record backups (§6.1). */
  backup: strictObject({
    /** A group needs a new backup this many months after the end of its latest covered period. */
    periodMonths: int().check(_gte(1), _lte(12)),
    /** Working days past due before the leader is alerted. */
    overdueWorkingDays: days
  }),
  /** Record access (§6.2). */
  access: strictObject({
    /** Working days an admin has to decide a request. */
    adminDays: days,
    /** Days a grant lasts unless the admin picks otherwise, and the most an admin may pick. */
    defaultDays: int().check(_gte(1), _lte(365)),
    maxDays: int().check(_gte(1), _lte(365)),
    /** Minutes one download link lives (never beyond the grant). */
    linkTtlMinutes: int().check(_gte(1), _lte(60))
  }),
  /** Subscription template ids by purpose, from the mini-program's admin console. */
  templates: strictObject({
    caseDecided: string2().check(_maxLength(64)),
    newTask: string2().check(_maxLength(64)),
    reminder: string2().check(_maxLength(64)),
    escalation: string2().check(_maxLength(64))
  })
});
var DEFAULT_SETTINGS = {
  naming: { separator: "-", maxLength: 20 },
  rename: { adminDays: 2, escalateAfterDays: 1 },
  membership: {
    invitationHours: 72,
    onboardDays: 2,
    offboardDays: 1,
    escalateAfterDays: 1,
    guestMaxDays: 30,
    guestApproveDays: 2,
    adminChangeDays: 3,
    nominationDays: 2,
    votingDays: 3
  },
  violation: {
    categories: [
      "\u8FDD\u53CD\u6CD5\u5F8B\u6CD5\u89C4\u6216\u89C4\u7AE0\u5236\u5EA6",
      "\u53D1\u5E03\u8FDD\u6CD5\u8FDD\u89C4\u6709\u5BB3\u4FE1\u606F",
      "\u4EBA\u8EAB\u653B\u51FB\u3001\u8BCB\u6BC1\u3001\u9020\u8C23",
      "\u5E7F\u544A\u63A8\u9500\u3001\u64C5\u81EA\u62C9\u7968\u96C6\u8D5E",
      "\u968F\u610F\u5C4F\u853D\u7FA4\u6D88\u606F\u5F71\u54CD\u6C9F\u901A",
      "\u6CC4\u9732\u7FA4\u5185\u654F\u611F\u4FE1\u606F"
    ],
    repeatCount: 2,
    windowDays: 180,
    appealDays: 3,
    answerDays: 5,
    escalateDays: 3,
    remindAfterDays: 1
  },
  calendar: { holidays: [], workdays: [], confirmedYears: [] },
  backup: { periodMonths: 1, overdueWorkingDays: 3 },
  access: { adminDays: 2, defaultDays: 7, maxDays: 30, linkTtlMinutes: 10 },
  templates: {
    caseDecided: "TPL_CASE_DECIDED",
    newTask: "TPL_NEW_TASK",
    reminder: "TPL_REMINDER",
    escalation: "TPL_ESCALATION"
  }
};
function withDefaultSettings(values) {
  return {
    ...DEFAULT_SETTINGS,
    ...values,
    membership: { ...DEFAULT_SETTINGS.membership, ...values.membership ?? {} }
  };
}

// src/contract/actions.ts
var id = string2().check(_minLength(1), _maxLength(64), _regex(/^[A-Za-z0-9_:.-]+$/));
var text = (max) => string2().check(_maxLength(max), _regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/));
var paging = {
  offset: optional(int().check(_gte(0), _lte(1e5))),
  limit: optional(int().check(_gte(1), _lte(50)))
};
var requestId = string2().check(_minLength(8), _maxLength(64), _regex(/^[A-Za-z0-9_-]+$/));
var plainName = (max) => string2().check(_minLength(1), _maxLength(max), _regex(/^[^\u0000-\u001f\u007f<>]*$/));
var isoDate2 = string2().check(_regex(/^\d{4}-\d{2}-\d{2}$/));
var REASON_MAX = 200;
var PERSON_NAME_MAX = 20;
var GROUP_NAME_MAX = 30;
var EMPLOYEE_NO_MAX = 16;
var PURPOSE_MAX = 200;
var LOCATION_MAX = 120;
var fileId = string2().check(_minLength(1), _maxLength(600), _regex(/^[^\s]+$/));
var outcome = _enum(APPEAL_OUTCOMES);
var penalty = _enum(["warning", "removal", ...MEASURES]);
var DESCRIPTION_MAX = 500;
var EVIDENCE_MAX = 9;
var CITED_BACKUPS_MAX = 5;
var NICKNAME_MAX_INPUT = 40;
var actions = {
  "session.whoami": {
    input: strictObject({}),
    roles: ["member", "admin", "leader", "deptHead", "owner"],
    summary: "\u6211\u662F\u8C01\uFF1A\u8EAB\u4EFD\u3001\u6240\u5728\u7684\u7FA4\u548C\u89D2\u8272"
  },
  "rename.preview": {
    input: strictObject({ groupId: id }),
    roles: ["member", "admin", "leader"],
    summary: "\u6211\u5728\u67D0\u7FA4\u5E94\u4F7F\u7528\u7684\u89C4\u8303\u7FA4\u6635\u79F0\u53CA\u539F\u56E0"
  },
  "rename.submit": {
    input: strictObject({
      groupId: id,
      nickname: text(NICKNAME_MAX_INPUT),
      note: optional(text(REASON_MAX)),
      /** Client-made id so a retried tap files one request, not two. */
      requestId: string2().check(_minLength(8), _maxLength(64), _regex(/^[A-Za-z0-9_-]+$/))
    }),
    roles: ["member", "admin"],
    summary: "\u63D0\u4EA4\u6539\u540D\u7533\u8BF7"
  },
  "rename.withdraw": {
    input: strictObject({ caseId: id }),
    roles: ["member", "admin"],
    summary: "\u64A4\u56DE\u81EA\u5DF1\u7684\u6539\u540D\u7533\u8BF7"
  },
  "rename.approve": {
    input: strictObject({ caseId: id, note: optional(text(REASON_MAX)) }),
    roles: ["admin", "leader"],
    summary: "\u6279\u51C6\u6539\u540D\u7533\u8BF7"
  },
  "rename.reject": {
    input: strictObject({ caseId: id, reason: text(REASON_MAX) }),
    roles: ["admin", "leader"],
    summary: "\u9A73\u56DE\u6539\u540D\u7533\u8BF7\uFF08\u987B\u586B\u5199\u7406\u7531\uFF09"
  },
  "invitations.accept": {
    // The one action an unbound caller reaches: dispatch runs it before loading an actor.
    input: strictObject({ token: string2().check(_minLength(1), _maxLength(128)) }),
    roles: ["member", "admin", "leader", "deptHead", "owner"],
    summary: "\u6253\u5F00\u9080\u8BF7\u5361\u7247\uFF0C\u628A\u672C\u4EBA\u5FAE\u4FE1\u7ED1\u5B9A\u5230\u767B\u8BB0\u7684\u4EBA\u5458"
  },
  "invitations.create": {
    input: strictObject({ personId: id }),
    roles: ["deptHead", "owner"],
    summary: "\u4E3A\u672C\u90E8\u95E8\u767B\u8BB0\u7684\u4EBA\u5458\u751F\u6210\u4E00\u6B21\u6027\u9080\u8BF7\u5361\u7247"
  },
  "org.overview": {
    input: strictObject({}),
    roles: ["deptHead", "owner"],
    summary: "\u90E8\u95E8\u3001\u4EBA\u5458\u548C\u7FA4\u7684\u603B\u89C8"
  },
  "departments.create": {
    input: strictObject({ name: plainName(20), headId: optional(id) }),
    roles: ["owner"],
    summary: "\u65B0\u5EFA\u90E8\u95E8"
  },
  "departments.setHead": {
    input: strictObject({ deptId: id, personId: id }),
    roles: ["owner"],
    summary: "\u6307\u5B9A\u90E8\u95E8\u8D1F\u8D23\u4EBA"
  },
  "people.add": {
    input: strictObject({
      name: plainName(PERSON_NAME_MAX),
      deptId: id,
      employeeNo: string2().check(_minLength(1), _maxLength(EMPLOYEE_NO_MAX), _regex(/^[A-Za-z0-9_-]+$/)),
      requestId
    }),
    roles: ["deptHead", "owner"],
    summary: "\u767B\u8BB0\u672C\u90E8\u95E8\u7684\u4E00\u4F4D\u4EBA\u5458\uFF08\u59D3\u540D\u3001\u90E8\u95E8\u3001\u5DE5\u53F7\uFF09"
  },
  "people.setPublisher": {
    input: strictObject({ personId: id, publisher: boolean2() }),
    roles: ["owner"],
    summary: "\u6307\u5B9A\u6216\u53D6\u6D88\u91CD\u8981\u901A\u77E5\u7684\u6307\u5B9A\u53D1\u5E03\u4EBA"
  },
  "people.onboard": {
    input: strictObject({ personId: id, groupIds: optional(array(id).check(_maxLength(50))) }),
    roles: ["deptHead", "owner"],
    summary: "\u6807\u8BB0\u65B0\u5458\u5DE5\u5165\u804C\uFF1A\u4E3A\u90E8\u95E8\u7684\u7FA4\u5F00\u51FA\u5165\u7FA4\u4EFB\u52A1"
  },
  "people.offboard": {
    input: strictObject({ personId: id, reason: optional(text(REASON_MAX)) }),
    roles: ["deptHead", "owner"],
    summary: "\u6807\u8BB0\u5458\u5DE5\u79BB\u804C\uFF1A\u7ACB\u5373\u505C\u7528\u5E76\u4E3A\u5176\u6240\u5728\u7684\u6BCF\u4E2A\u7FA4\u5F00\u51FA\u79FB\u51FA\u4EFB\u52A1"
  },
  "groups.create": {
    input: strictObject({
      name: plainName(GROUP_NAME_MAX),
      type: _enum(GROUP_TYPES),
      deptId: id,
      creatorId: id,
      adminIds: array(id).check(_minLength(1), _maxLength(10)),
      leaderId: id,
      requestId
    }),
    roles: ["deptHead", "owner"],
    summary: "\u767B\u8BB0\u4E00\u4E2A\u5FAE\u4FE1\u7FA4\uFF08\u7C7B\u578B\u3001\u90E8\u95E8\u3001\u521B\u5EFA\u8005\u3001\u7BA1\u7406\u5458\u3001\u4E0A\u7EA7\u9886\u5BFC\uFF09"
  },
  "groups.bindWechat": {
    /** cloudID from wx.getGroupEnterInfo; the function resolves it to the chat's opengid. */
    input: strictObject({ groupId: id, cloudID: string2().check(_minLength(1), _maxLength(512)) }),
    roles: ["admin", "owner"],
    summary: "\u628A\u767B\u8BB0\u7684\u7FA4\u7ED1\u5B9A\u5230\u5F53\u524D\u6253\u5F00\u5C0F\u7A0B\u5E8F\u7684\u5FAE\u4FE1\u7FA4"
  },
  "groups.enter": {
    input: strictObject({ cloudID: string2().check(_minLength(1), _maxLength(512)) }),
    roles: ["member", "admin", "leader", "deptHead", "owner"],
    summary: "\u4ECE\u5FAE\u4FE1\u7FA4\u6253\u5F00\u65F6\uFF0C\u627E\u5230\u5BF9\u5E94\u7684\u767B\u8BB0\u7FA4"
  },
  "groups.roster": {
    input: strictObject({ groupId: id }),
    roles: ["member", "admin", "leader", "deptHead", "owner"],
    summary: "\u7FA4\u6210\u5458\u540D\u518C\u3001\u547D\u540D\u5408\u89C4\u60C5\u51B5\u548C\u7FA4\u7684\u8BB0\u5F55"
  },
  "roster.askFix": {
    input: strictObject({ groupId: id, personId: id }),
    roles: ["admin"],
    summary: "\u8BF7\u6635\u79F0\u4E0D\u5408\u89C4\u7684\u6210\u5458\u6539\u6B63\uFF08\u5F00\u51FA\u6635\u79F0\u6574\u6539\u4E8B\u9879\uFF09"
  },
  "tasks.confirm": {
    input: strictObject({ caseId: id, note: optional(text(REASON_MAX)) }),
    roles: ["admin", "leader", "member"],
    summary: "\u786E\u8BA4\u5DF2\u5728\u5FAE\u4FE1\u91CC\u529E\u5B8C\uFF08\u62C9\u4EBA\u5165\u7FA4\u3001\u79FB\u51FA\u3001\u6635\u79F0\u5DF2\u6539\uFF09"
  },
  "cases.acknowledge": {
    input: strictObject({ caseId: id }),
    roles: ["leader"],
    summary: "\u4E0A\u7EA7\u9886\u5BFC\u786E\u8BA4\u5DF2\u9605\u5907\u6848"
  },
  "admins.appoint": {
    input: strictObject({ groupId: id, personId: id }),
    roles: ["member", "admin", "deptHead", "owner"],
    summary: "\u7FA4\u521B\u5EFA\u8005\u6307\u5B9A\u7BA1\u7406\u5458\uFF0C\u5E76\u62A5\u4E0A\u7EA7\u9886\u5BFC\u5907\u6848"
  },
  "admins.applyChange": {
    input: strictObject({ groupId: id, successorId: id, reason: text(REASON_MAX), requestId }),
    roles: ["admin"],
    summary: "\u7BA1\u7406\u5458\u7533\u8BF7\u53D8\u66F4\uFF08\u987B\u5199\u7406\u7531\u548C\u63A5\u4EFB\u4EBA\uFF09"
  },
  "admins.decideChange": {
    input: strictObject({ caseId: id, approve: boolean2(), reason: optional(text(REASON_MAX)) }),
    roles: ["leader"],
    summary: "\u4E0A\u7EA7\u9886\u5BFC\u6279\u51C6\u6216\u9A73\u56DE\u7BA1\u7406\u5458\u53D8\u66F4"
  },
  "elections.open": {
    input: strictObject({ groupId: id, requestId }),
    roles: ["member", "admin", "leader", "owner"],
    summary: "\u53D1\u8D77\u7BA1\u7406\u5458\u9009\u4E3E\uFF08\u7FA4\u521B\u5EFA\u8005\u3001\u7BA1\u7406\u5458\u6216\u4E0A\u7EA7\u9886\u5BFC\uFF09"
  },
  "elections.nominate": {
    input: strictObject({ caseId: id, personId: id }),
    roles: ["member", "admin"],
    summary: "\u63D0\u540D\u5019\u9009\u4EBA\uFF08\u53EF\u81EA\u8350\uFF09"
  },
  "elections.vote": {
    input: strictObject({ caseId: id, candidateId: id }),
    roles: ["member", "admin"],
    summary: "\u6295\u7968\uFF08\u6BCF\u4EBA\u4E00\u7968\uFF09"
  },
  "elections.decideTie": {
    input: strictObject({ caseId: id, personId: id }),
    roles: ["leader"],
    summary: "\u5E73\u7968\u65F6\u7531\u4E0A\u7EA7\u9886\u5BFC\u5728\u5F97\u7968\u6700\u591A\u7684\u5019\u9009\u4EBA\u4E2D\u51B3\u5B9A"
  },
  "guests.request": {
    input: strictObject({
      groupId: id,
      name: plainName(PERSON_NAME_MAX),
      organisation: plainName(30),
      reason: text(REASON_MAX),
      endDate: isoDate2,
      requestId
    }),
    roles: ["member", "admin"],
    summary: "\u7533\u8BF7\u4E34\u65F6\u5916\u90E8\u4EBA\u5458\u5165\u7FA4\uFF08\u7406\u7531\u3001\u7ED3\u675F\u65E5\u671F\uFF09"
  },
  "guests.decide": {
    input: strictObject({ caseId: id, approve: boolean2(), reason: optional(text(REASON_MAX)) }),
    roles: ["deptHead", "leader"],
    summary: "\u90E8\u95E8\u8D1F\u8D23\u4EBA\u6216\u4E0A\u7EA7\u9886\u5BFC\u6279\u51C6\u6216\u9A73\u56DE\u5916\u90E8\u4EBA\u5458\u5165\u7FA4"
  },
  "backups.register": {
    input: strictObject({
      groupId: id,
      from: isoDate2,
      to: isoDate2,
      storage: _enum(["cloud", "local"]),
      /** Uploaded file (storage cloud): the id storage gave the client. The server computes its SHA-256. */
      fileId: optional(fileId),
      fileName: optional(text(120)),
      /** Local storage (storage local): where the backup is kept. */
      location: optional(text(LOCATION_MAX)),
      /** Who made the backup; the caller when omitted. */
      madeBy: optional(id),
      note: optional(text(REASON_MAX)),
      requestId
    }),
    roles: ["admin"],
    summary: "\u767B\u8BB0\u4E00\u4EFD\u7FA4\u804A\u8BB0\u5F55\u5907\u4EFD\uFF08\xA76.1\uFF09"
  },
  "backups.list": {
    input: strictObject({ groupId: id }),
    roles: ["admin", "leader"],
    summary: "\u67D0\u7FA4\u7684\u5907\u4EFD\u3001\u8986\u76D6\u65F6\u95F4\u7EBF\u4E0E\u4E0B\u6B21\u5907\u4EFD\u65E5\u671F"
  },
  "backups.get": {
    input: strictObject({ backupId: id }),
    roles: ["admin", "leader"],
    summary: "\u4E00\u4EFD\u5907\u4EFD\u53CA\u5176\u5B8C\u6574\u8BB0\u5F55"
  },
  "backups.verify": {
    input: strictObject({ backupId: id }),
    roles: ["admin"],
    summary: "\u91CD\u65B0\u8BA1\u7B97\u5907\u4EFD\u6587\u4EF6\u7684 SHA-256\uFF0C\u68C0\u67E5\u662F\u5426\u5B8C\u6574"
  },
  "backups.cite": {
    input: strictObject({ backupId: id }),
    roles: ["member", "admin", "leader"],
    summary: "\u5F15\u7528\u5907\u4EFD\u4F5C\u4E3A\u4F9D\u636E\u65F6\u6CE8\u660E\u51FA\u5904\uFF08\xA76.2\uFF09"
  },
  "records.request": {
    input: strictObject({
      groupId: id,
      from: isoDate2,
      to: isoDate2,
      purpose: text(PURPOSE_MAX),
      /** The confidentiality pledge was ticked: without it there is no request (PLEDGE_REQUIRED). */
      pledge: boolean2(),
      requestId
    }),
    roles: ["member", "admin"],
    summary: "\u7533\u8BF7\u67E5\u9605\u7FA4\u804A\u8BB0\u5F55\uFF08\u987B\u52FE\u9009\u4FDD\u5BC6\u627F\u8BFA\uFF09"
  },
  "records.withdraw": {
    input: strictObject({ caseId: id }),
    roles: ["member", "admin"],
    summary: "\u64A4\u56DE\u81EA\u5DF1\u7684\u67E5\u9605\u7533\u8BF7"
  },
  "records.approve": {
    input: strictObject({ caseId: id, days: int().check(_gte(1), _lte(365)), note: optional(text(REASON_MAX)) }),
    roles: ["admin", "leader"],
    summary: "\u6279\u51C6\u67E5\u9605\u7533\u8BF7\u5E76\u8BBE\u5B9A\u6709\u6548\u671F"
  },
  "records.reject": {
    input: strictObject({ caseId: id, reason: text(REASON_MAX) }),
    roles: ["admin", "leader"],
    summary: "\u9A73\u56DE\u67E5\u9605\u7533\u8BF7\uFF08\u987B\u586B\u5199\u7406\u7531\uFF09"
  },
  "records.revoke": {
    input: strictObject({ caseId: id, reason: optional(text(REASON_MAX)) }),
    roles: ["admin", "leader"],
    summary: "\u63D0\u524D\u64A4\u9500\u67E5\u9605\u6388\u6743"
  },
  "records.grant": {
    input: strictObject({ caseId: id }),
    roles: ["member", "admin", "leader"],
    summary: "\u67E5\u9605\u6388\u6743\uFF1A\u53EF\u4E0B\u8F7D\u7684\u5907\u4EFD\u4E0E\u6709\u6548\u671F"
  },
  "records.link": {
    input: strictObject({ caseId: id, backupId: id }),
    roles: ["member", "admin", "leader"],
    summary: "\u83B7\u53D6\u4E00\u4EFD\u5907\u4EFD\u7684\u9650\u65F6\u4E0B\u8F7D\u94FE\u63A5\uFF08\u8BB0\u5165\u67E5\u9605\u65E5\u5FD7\uFF09"
  },
  "records.log": {
    input: strictObject({ caseId: id }),
    roles: ["admin", "leader"],
    summary: "\u67E5\u9605\u65E5\u5FD7\uFF1A\u8C01\u5728\u4F55\u65F6\u83B7\u53D6\u94FE\u63A5\u3001\u4E0B\u8F7D\u4E86\u4EC0\u4E48"
  },
  "violation.form": {
    input: strictObject({
      groupId: id,
      subjectId: optional(id),
      severity: optional(_enum(SEVERITIES))
    }),
    roles: ["admin"],
    summary: "\u8FDD\u89C4\u5904\u7406\u8868\u5355\uFF1A\u672C\u7FA4\u6210\u5458\u3001\u8FDD\u89C4\u7C7B\u522B\uFF0C\u53CA\u6309\u5904\u7F5A\u89C4\u5219\u5EFA\u8BAE\u7684\u5904\u7406\u548C\u7406\u7531"
  },
  "violation.open": {
    input: strictObject({
      groupId: id,
      subjectId: id,
      category: text(40),
      description: text(DESCRIPTION_MAX),
      evidence: array(fileId).check(_maxLength(EVIDENCE_MAX)),
      /** Backups of this group cited as evidence; the case shows each one's citation (group, period, id, SHA-256). */
      backupIds: optional(array(id).check(_maxLength(CITED_BACKUPS_MAX))),
      severity: _enum(SEVERITIES),
      /** The step the admin chose: the proposed one or a lighter one (then `lighterReason` is required). */
      step: _enum(LADDER_STEPS),
      lighterReason: optional(text(REASON_MAX)),
      requestId
    }),
    roles: ["admin"],
    summary: "\u7BA1\u7406\u5458\u7ACB\u6848\u5904\u7406\u8FDD\u89C4\uFF08\u8B66\u544A / \u79FB\u51FA\u7FA4\u804A\u5E76\u5907\u6848 / \u62A5\u9886\u5BFC\u5904\u5206\uFF09"
  },
  "violation.decideMeasure": {
    input: strictObject({ caseId: id, measure: _enum(MEASURES), reason: text(REASON_MAX) }),
    roles: ["leader"],
    summary: "\u4E0A\u7EA7\u9886\u5BFC\u51B3\u5B9A\u7EAA\u5F8B\u5904\u5206\uFF08\u6279\u8BC4\u6559\u80B2 / \u7F5A\u6B3E / \u964D\u804C / \u8F9E\u9000\uFF09"
  },
  "violation.appeal": {
    input: strictObject({
      caseId: id,
      reasons: text(DESCRIPTION_MAX),
      evidence: optional(array(fileId).check(_maxLength(EVIDENCE_MAX)))
    }),
    roles: ["member", "admin"],
    summary: "\u5BF9\u5904\u7406\u51B3\u5B9A\u63D0\u51FA\u7533\u8BC9\uFF08\u987B\u5728\u7533\u8BC9\u671F\u5185\uFF09"
  },
  "violation.accept": {
    input: strictObject({ caseId: id }),
    roles: ["member", "admin"],
    summary: "\u63A5\u53D7\u5904\u7406\u7ED3\u679C\uFF0C\u4E0D\u518D\u7533\u8BC9"
  },
  "violation.answer": {
    input: strictObject({ caseId: id, outcome, finding: text(DESCRIPTION_MAX), reducedTo: optional(penalty) }),
    roles: ["admin", "leader"],
    summary: "\u7BA1\u7406\u5458\u7B54\u590D\u7533\u8BC9\uFF1A\u7EF4\u6301\u3001\u51CF\u8F7B\u6216\u64A4\u9500\uFF0C\u5E76\u5199\u660E\u8C03\u67E5\u7ED3\u8BBA"
  },
  "violation.escalate": {
    input: strictObject({ caseId: id, reasons: text(DESCRIPTION_MAX) }),
    roles: ["member", "admin"],
    summary: "\u5BF9\u7533\u8BC9\u7B54\u590D\u4E0D\u670D\uFF0C\u5411\u4E0A\u7EA7\u9886\u5BFC\u7533\u8BC9"
  },
  "violation.rule": {
    input: strictObject({ caseId: id, outcome, finding: text(DESCRIPTION_MAX), reducedTo: optional(penalty) }),
    roles: ["leader"],
    summary: "\u4E0A\u7EA7\u9886\u5BFC\u6700\u7EC8\u88C1\u51B3\uFF08\u7ED3\u6848\uFF09"
  },
  "violation.confirmTask": {
    input: strictObject({ caseId: id, note: optional(text(REASON_MAX)) }),
    roles: ["admin"],
    summary: "\u786E\u8BA4\u5DF2\u5728\u5FAE\u4FE1\u7FA4\u4E2D\u5B8C\u6210\u79FB\u51FA\uFF08\u6216\u91CD\u65B0\u62C9\u56DE\uFF09"
  },
  "cases.mine": {
    input: strictObject({ ...paging }),
    roles: ["member", "admin", "leader", "deptHead", "owner"],
    summary: "\u6211\u63D0\u4EA4\u7684\u6216\u4E0E\u6211\u6709\u5173\u7684\u4E8B\u9879"
  },
  "cases.get": {
    input: strictObject({ caseId: id }),
    roles: ["member", "admin", "leader", "deptHead", "owner"],
    summary: "\u4E8B\u9879\u8BE6\u60C5\u53CA\u5B8C\u6574\u8BB0\u5F55"
  },
  "inbox.list": {
    input: strictObject({ ...paging }),
    roles: ["admin", "leader", "deptHead", "owner"],
    summary: "\u7B49\u6211\u5904\u7406\u7684\u4E8B\u9879\uFF0C\u622A\u6B62\u65F6\u95F4\u6700\u65E9\u7684\u5728\u524D"
  },
  "notifications.list": {
    input: strictObject({ ...paging, unreadOnly: optional(boolean2()) }),
    roles: ["member", "admin", "leader", "deptHead", "owner"],
    summary: "\u7AD9\u5185\u6D88\u606F"
  },
  "notifications.read": {
    input: strictObject({ ids: array(id).check(_minLength(1), _maxLength(50)) }),
    roles: ["member", "admin", "leader", "deptHead", "owner"],
    summary: "\u6807\u8BB0\u7AD9\u5185\u6D88\u606F\u4E3A\u5DF2\u8BFB"
  },
  "subscriptions.record": {
    input: strictObject({
      /** What requestSubscribeMessage answered, template id → accept | reject | ban | filter. */
      results: record(
        string2().check(_minLength(1), _maxLength(64), _regex(/^[A-Za-z0-9_-]+$/)),
        _enum(["accept", "reject", "ban", "filter"])
      ).check(refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 3))
    }),
    roles: ["member", "admin", "leader", "deptHead", "owner"],
    summary: "\u8BB0\u5F55\u8BA2\u9605\u6D88\u606F\u6388\u6743\u7ED3\u679C"
  },
  "settings.get": {
    input: strictObject({}),
    roles: ["owner"],
    summary: "\u67E5\u770B\u7CFB\u7EDF\u8BBE\u7F6E\u4E0E\u8282\u5047\u65E5\u6570\u636E\u72B6\u6001"
  },
  "settings.update": {
    input: strictObject({ values: settingsValuesSchema, expectedVersion: int().check(_gte(1)) }),
    roles: ["owner"],
    summary: "\u4FEE\u6539\u7CFB\u7EDF\u8BBE\u7F6E\uFF08\u4EC5\u5BF9\u65B0\u4E8B\u9879\u751F\u6548\uFF09"
  }
};
var ACTION_NAMES = Object.keys(actions);
var UNBOUND_ACTIONS = ["invitations.accept"];

// src/server/context.ts
function rolesIn(actor, groupId) {
  var _a2;
  return ((_a2 = actor.memberships.find((m) => m.groupId === groupId)) == null ? void 0 : _a2.roles) ?? [];
}
function ownerStandIn(openid, now) {
  return { _id: "owner", openid, name: "\u7CFB\u7EDF\u7BA1\u7406\u5458", deptId: "", employeeNo: "", status: "active", external: false, createdAt: now };
}
async function loadActor(deps2, openid, now) {
  if (!openid) return fail("UNAUTHENTICATED");
  const isOwner = !!deps2.ownerOpenid && openid === deps2.ownerOpenid;
  const found = await deps2.store.getActor(openid);
  if (!found && !isOwner) return fail("NOT_BOUND");
  const person = (found == null ? void 0 : found.person) ?? ownerStandIn(openid, now);
  if (person.status === "left") return fail("OFFBOARDED");
  const memberships = (found == null ? void 0 : found.memberships) ?? [];
  const headOf = (found == null ? void 0 : found.headOf) ?? [];
  const active = memberships.filter((m) => m.status === "active");
  const roles = new Set(found ? ["member"] : []);
  for (const m of active) for (const r of m.roles) roles.add(r);
  if (headOf.length) roles.add("deptHead");
  if (isOwner) roles.add("owner");
  return { person, openid, isOwner, memberships: active, headOf, roles: [...roles] };
}

// src/core/calendar.ts
var import_chinese_days = __toESM(require_index_min());

// src/core/time.ts
var import_dayjs = __toESM(require_dayjs_min());
var import_utc = __toESM(require_utc());
import_dayjs.default.extend(import_utc.default);
var OFFSET_MS = 8 * 36e5;
var DAY_MS = 864e5;
function shanghaiDate(ms) {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}
function endOfShanghaiDay(date2) {
  return Date.parse(`${date2}T00:00:00.000Z`) + DAY_MS - 1 - OFFSET_MS;
}
function nextDate(date2) {
  return new Date(Date.parse(`${date2}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
}
function weekday(date2) {
  return (/* @__PURE__ */ new Date(`${date2}T00:00:00.000Z`)).getUTCDay();
}
function formatShanghai(ms, pattern = "YYYY-MM-DD HH:mm") {
  return import_dayjs.default.utc(ms + OFFSET_MS).format(pattern);
}

// src/core/calendar.ts
var EMPTY = { holidays: [], workdays: [], confirmedYears: [] };
var MAX_SPAN_DAYS = 3660;
var official = /* @__PURE__ */ new Map();
function officialWorkday(date2) {
  let v = official.get(date2);
  if (v === void 0) official.set(date2, v = (0, import_chinese_days.isWorkday)(date2));
  return v;
}
function isWorkingDay(date2, overrides = EMPTY) {
  assertDate(date2);
  if (overrides.workdays.includes(date2)) return true;
  if (overrides.holidays.includes(date2)) return false;
  return officialWorkday(date2);
}
function addWorkingDays(date2, n, overrides = EMPTY) {
  assertDate(date2);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number \u2265 0: ${n}`);
  let d = date2;
  for (let left = n, steps = 0; left > 0; ) {
    d = nextDate(d);
    if (++steps > MAX_SPAN_DAYS) throw new RangeError("no working day found within ten years");
    if (isWorkingDay(d, overrides)) left--;
  }
  return d;
}
function deadlineAfter(notifiedAtMs, workingDays, overrides = EMPTY) {
  return endOfShanghaiDay(addWorkingDays(shanghaiDate(notifiedAtMs), workingDays, overrides));
}
var officialCache = /* @__PURE__ */ new Map();
function hasOfficialData(year) {
  let known = officialCache.get(year);
  if (known === void 0) {
    known = false;
    for (let d = `${year}-01-01`; d.startsWith(String(year)); d = nextDate(d)) {
      const wd = weekday(d);
      if (wd !== 0 && wd !== 6 && !officialWorkday(d)) {
        known = true;
        break;
      }
    }
    officialCache.set(year, known);
  }
  return known;
}
function isYearConfirmed(year, overrides = EMPTY) {
  return hasOfficialData(year) || overrides.confirmedYears.includes(year);
}
function isDeadlineUnconfirmed(dueAtMs, overrides = EMPTY) {
  return !isYearConfirmed(Number(shanghaiDate(dueAtMs).slice(0, 4)), overrides);
}
function deadlineFields(dueAt, overrides = EMPTY) {
  return { dueAt, dueAtUnconfirmed: isDeadlineUnconfirmed(dueAt, overrides), wakeAt: dueAt };
}
function calendarStatus(nowMs, overrides = EMPTY) {
  const thisYear = Number(shanghaiDate(nowMs).slice(0, 4));
  const officialYears = [];
  for (let y = thisYear - 1; y <= thisYear + 1; y++) if (hasOfficialData(y)) officialYears.push(y);
  const unconfirmedYears = [thisYear, thisYear + 1].filter((y) => !isYearConfirmed(y, overrides));
  const warning = unconfirmedYears.length ? `\u8282\u5047\u65E5\u6570\u636E\u7F3A\u5C11 ${unconfirmedYears.join("\u3001")} \u5E74\u7684\u56FD\u52A1\u9662\u653E\u5047\u5B89\u6392\uFF1A\u8FD9\u4E9B\u5E74\u4EFD\u7684\u622A\u6B62\u65E5\u671F\u53EA\u6309\u5468\u672B\u8BA1\u7B97\u3002\u8BF7\u5728\u201C\u8282\u5047\u65E5\u8C03\u6574\u201D\u4E2D\u5F55\u5165\u5F53\u5E74\u7684\u653E\u5047\u65E5\u548C\u8C03\u4F11\u4E0A\u73ED\u65E5\uFF0C\u5E76\u786E\u8BA4\u8BE5\u5E74\u4EFD\u3002` : null;
  return { officialYears, unconfirmedYears, warning };
}
function assertDate(date2) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date2)) throw new RangeError(`not a YYYY-MM-DD date: ${date2}`);
}

// src/core/case.ts
function blankCase(f) {
  const { now, ...fields } = f;
  const blank = {
    ...fields,
    open: true,
    assignees: [],
    dueAt: null,
    dueAtUnconfirmed: false,
    wakeAt: null,
    escalation: 0,
    history: [],
    outbox: [],
    version: 0,
    createdAt: now,
    updatedAt: now
  };
  return blank;
}
function step(c, input, now) {
  const changes = {};
  const data = { ...c.data, ...input.data ?? {} };
  for (const k of Object.keys(input.data ?? {})) {
    if (c.data[k] !== data[k]) {
      changes[k] = { before: c.data[k] ?? null, after: data[k] };
    }
  }
  const next = {
    ...c,
    state: input.to,
    open: input.open,
    assignees: input.assignees ?? c.assignees,
    dueAt: input.dueAt === void 0 ? c.dueAt : input.dueAt,
    dueAtUnconfirmed: input.dueAtUnconfirmed ?? (input.dueAt === void 0 ? c.dueAtUnconfirmed : false),
    wakeAt: input.wakeAt === void 0 ? c.wakeAt : input.wakeAt,
    escalation: input.escalation ?? c.escalation,
    data,
    updatedAt: now
  };
  const entry = {
    seq: c.history.length + 1,
    at: now,
    by: input.by,
    action: input.action,
    from: c.history.length ? c.state : null,
    to: input.to,
    dueAt: next.dueAt,
    prevHash: "",
    hash: ""
  };
  if (input.note) entry.note = input.note;
  if (Object.keys(changes).length) entry.changes = changes;
  next.history = [...c.history, entry];
  next.outbox = [
    ...c.outbox,
    ...(input.notify ?? []).map(
      (n, i) => ({
        id: `${c._id}.${entry.seq}.${i}`,
        to: n.to,
        purpose: n.purpose,
        title: n.title,
        body: n.body,
        page: `pages/case/index?id=${c._id}`,
        createdAt: now
      })
    )
  ];
  return next;
}
function audience(ids, except) {
  return [...new Set(ids)].filter((id2) => id2 !== except);
}

// src/core/admin-change.ts
function openAdminChange(input) {
  const { now, settings, data } = input;
  const dueAt = deadlineAfter(now, settings.membership.adminChangeDays, settings.calendar);
  const empty = blankCase({
    _id: input.id,
    kind: "admin_change",
    groupId: input.groupId,
    subjectId: input.applicantId,
    openedBy: input.applicantId,
    state: "submitted",
    data,
    settingsVersion: input.settingsVersion,
    now
  });
  return step(
    empty,
    {
      action: "submit",
      by: input.applicantId,
      to: "submitted",
      open: true,
      note: data.reason,
      assignees: input.leaders,
      ...deadlineFields(dueAt, settings.calendar),
      notify: input.leaders.map((to) => ({
        to,
        purpose: "newTask",
        title: "\u7BA1\u7406\u5458\u53D8\u66F4\u7533\u8BF7",
        body: `\u300C${data.groupName}\u300D\u7BA1\u7406\u5458 ${data.subjectName} \u7533\u8BF7\u7531 ${data.successorName} \u63A5\u4EFB\uFF0C\u8BF7\u4E8E ${formatShanghai(dueAt, "M\u6708D\u65E5")} \u524D\u5BA1\u6279`
      }))
    },
    now
  );
}
function isLeader(c, actor) {
  return actor.id !== null && actor.id !== c.subjectId && (c.assignees.includes(actor.id) || actor.rolesInGroup.includes("leader"));
}
function adminChangeAllowed(c, actor) {
  if (c.state !== "submitted") return [];
  return isLeader(c, actor) ? ["approve", "reject"] : [];
}
function decideAdminChange(c, cmd, actor, ctx) {
  const { now } = ctx;
  if (c.state !== "submitted") {
    return { ok: false, code: cmd.type === "approve" || cmd.type === "reject" ? "CASE_ALREADY_DECIDED" : "CASE_NOT_OPEN" };
  }
  const d = c.data;
  switch (cmd.type) {
    case "approve":
    case "reject": {
      if (!isLeader(c, actor)) return { ok: false, code: "FORBIDDEN" };
      if (cmd.type === "reject" && !cmd.reason.trim()) return { ok: false, code: "REASON_REQUIRED", message: "\u9A73\u56DE\u65F6\u8BF7\u586B\u5199\u7406\u7531" };
      const approved = cmd.type === "approve";
      return {
        ok: true,
        case: step(
          c,
          {
            action: cmd.type,
            by: actor.id,
            to: approved ? "approved" : "rejected",
            open: false,
            note: approved ? cmd.note : cmd.reason,
            assignees: [],
            wakeAt: null,
            data: approved ? {} : { rejectReason: cmd.reason.trim() },
            notify: audience([c.subjectId, d.successorId], actor.id).map((to) => ({
              to,
              purpose: "caseDecided",
              title: approved ? "\u7BA1\u7406\u5458\u53D8\u66F4\u5DF2\u6279\u51C6" : "\u7BA1\u7406\u5458\u53D8\u66F4\u672A\u6279\u51C6",
              body: approved ? `\u300C${d.groupName}\u300D\u7BA1\u7406\u5458\u7531 ${d.subjectName} \u53D8\u66F4\u4E3A ${d.successorName}` : `\u7406\u7531\uFF1A${cmd.reason.trim()}`
            }))
          },
          now
        )
      };
    }
    case "withdraw":
      if (actor.id !== c.subjectId) return { ok: false, code: "FORBIDDEN" };
      return { ok: true, case: step(c, { action: "withdraw", by: actor.id, to: "withdrawn", open: false, assignees: [], wakeAt: null }, now) };
    case "timeout":
      if (actor.id !== null || c.wakeAt === null || c.wakeAt > now || c.escalation > 0) return { ok: false, code: "CASE_NOT_OPEN" };
      return {
        ok: true,
        case: step(
          c,
          {
            action: "remind",
            by: null,
            to: "submitted",
            open: true,
            escalation: 1,
            wakeAt: null,
            notify: c.assignees.map((to) => ({
              to,
              purpose: "reminder",
              title: "\u7BA1\u7406\u5458\u53D8\u66F4\u5F85\u5BA1\u6279",
              body: `\u300C${d.groupName}\u300D\u7684\u7BA1\u7406\u5458\u53D8\u66F4\u7533\u8BF7\u5DF2\u8D85\u671F\uFF0C\u8BF7\u5C3D\u5FEB\u5BA1\u6279`
            }))
          },
          now
        )
      };
  }
}

// src/core/admin-filing.ts
function openAdminFiling(input) {
  const { now, data } = input;
  const empty = blankCase({
    _id: input.id,
    kind: "admin_filing",
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.openedBy ?? input.subjectId,
    state: "filed",
    data,
    settingsVersion: input.settingsVersion,
    now
  });
  const what = data.how === "appointed" ? `${data.byName} \u6307\u5B9A` : "\u7FA4\u6210\u5458\u9009\u4E3E\u4EA7\u751F";
  return step(
    empty,
    {
      action: data.how === "appointed" ? "appoint" : "elect",
      by: input.openedBy,
      to: "filed",
      open: true,
      assignees: input.leaders,
      notify: audience([...input.leaders, input.subjectId], input.openedBy).map((to) => ({
        to,
        purpose: input.leaders.includes(to) ? "escalation" : "caseDecided",
        title: input.leaders.includes(to) ? "\u7BA1\u7406\u5458\u4EFB\u547D\u5907\u6848" : "\u4F60\u5DF2\u6210\u4E3A\u7FA4\u7BA1\u7406\u5458",
        body: `\u300C${data.groupName}\u300D\u65B0\u7BA1\u7406\u5458\uFF1A${data.subjectName}\uFF08${what}\uFF09`
      }))
    },
    now
  );
}
function adminFilingAllowed(c, actor) {
  return c.state === "filed" && actor.id !== null && (c.assignees.includes(actor.id) || actor.rolesInGroup.includes("leader")) ? ["acknowledge"] : [];
}
function decideAdminFiling(c, cmd, actor, now) {
  if (c.state !== "filed") return { ok: false, code: "CASE_NOT_OPEN" };
  if (!adminFilingAllowed(c, actor).includes(cmd.type)) return { ok: false, code: "FORBIDDEN" };
  return { ok: true, case: step(c, { action: "acknowledge", by: actor.id, to: "acknowledged", open: false, assignees: [] }, now) };
}

// src/server/content.ts
var LABELS = {
  "10001": "\u5E7F\u544A",
  "20001": "\u65F6\u653F",
  "20002": "\u8272\u60C5",
  "20003": "\u8FB1\u9A82",
  "20006": "\u8FDD\u6CD5\u72AF\u7F6A",
  "20008": "\u6B3A\u8BC8",
  "20012": "\u4F4E\u4FD7",
  "20013": "\u7248\u6743",
  "21000": "\u5176\u4ED6\u8FDD\u89C4"
};
async function checkText(ctx, texts) {
  for (const text2 of texts) {
    if (!text2) continue;
    const verdict = await ctx.deps.content.check(text2, ctx.actor.openid, 2);
    if (!verdict.pass) {
      return fail("CONTENT_REJECTED", `\u5185\u5BB9\u672A\u901A\u8FC7\u5B89\u5168\u68C0\u67E5\uFF08\u7591\u4F3C${LABELS[verdict.label] ?? "\u8FDD\u89C4"}\u5185\u5BB9\uFF09\uFF0C\u8BF7\u4FEE\u6539\u540E\u518D\u63D0\u4EA4`);
    }
  }
  return null;
}

// src/server/org.ts
var import_node_crypto2 = require("node:crypto");
function managesDept(actor, deptId) {
  return actor.isOwner || actor.headOf.includes(deptId);
}
function requestKey(prefix, personId, requestId2) {
  return `${prefix}_${(0, import_node_crypto2.createHash)("sha256").update(`${personId}
${requestId2}`).digest("hex").slice(0, 24)}`;
}
function personRef(p, id2) {
  return { id: id2, name: (p == null ? void 0 : p.name) ?? (id2 === "owner" ? "\u7CFB\u7EDF\u7BA1\u7406\u5458" : "\uFF08\u672A\u77E5\uFF09") };
}
function toPersonView(p, depts) {
  var _a2;
  return {
    id: p._id,
    name: p.name,
    department: { id: p.deptId, name: ((_a2 = depts.get(p.deptId)) == null ? void 0 : _a2.name) ?? "" },
    employeeNo: p.employeeNo,
    status: p.status,
    external: p.external,
    bound: p.openid !== null,
    publisher: p.publisher === true
  };
}
function toDepartmentView(d, people) {
  return { id: d._id, name: d.name, head: d.headId ? personRef(people.get(d.headId), d.headId) : null };
}
function toGroupView(g, roster, people, depts) {
  var _a2;
  const active = roster.filter((r) => r.person.status === "active");
  const withRole = (role) => active.filter((r) => r.membership.roles.includes(role)).map((r) => ({ id: r.person._id, name: r.person.name }));
  return {
    id: g._id,
    name: g.name,
    type: g.type,
    typeLabel: GROUP_TYPE_LABELS[g.type],
    department: { id: g.deptId, name: ((_a2 = depts.get(g.deptId)) == null ? void 0 : _a2.name) ?? "" },
    creator: personRef(people.get(g.creatorId), g.creatorId),
    admins: withRole("admin"),
    leaders: withRole("leader"),
    memberCount: active.filter((r) => r.membership.roles.includes("member")).length,
    boundToWechat: g.opengid !== null
  };
}
async function groupView(store, g) {
  const [roster, depts] = await Promise.all([store.listRoster(g._id), store.listDepartments()]);
  const creator = await store.getPerson(g.creatorId);
  const people = new Map(roster.map((r) => [r.person._id, r.person]));
  if (creator) people.set(creator._id, creator);
  return toGroupView(g, roster, people, new Map(depts.map((d) => [d._id, d])));
}

// src/server/audit.ts
var import_node_crypto3 = require("node:crypto");
var GENESIS = "0".repeat(64);
function entryHash(caseId, e) {
  const { hash: _hash, ...body } = e;
  return (0, import_node_crypto3.createHash)("sha256").update(caseId).update("\n").update(stableJson(body)).digest("hex");
}
function sealHistory(c) {
  let prev = GENESIS;
  let changed = false;
  const history = c.history.map((e) => {
    if (e.hash) {
      prev = e.hash;
      return e;
    }
    changed = true;
    const sealed = { ...e, prevHash: prev };
    sealed.hash = entryHash(c._id, sealed);
    prev = sealed.hash;
    return sealed;
  });
  return changed ? { ...c, history } : c;
}
function stableJson(v) {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  const o = v;
  return `{${Object.keys(o).filter((k) => o[k] !== void 0).sort().map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(",")}}`;
}

// src/core/task.ts
var TITLES = { onboard: "\u5165\u7FA4\u4EFB\u52A1", offboard: "\u79FB\u51FA\u4EFB\u52A1", naming_fix: "\u6635\u79F0\u6574\u6539" };
function taskDays(kind, settings) {
  if (kind === "onboard") return settings.membership.onboardDays;
  if (kind === "offboard") return settings.membership.offboardDays;
  return settings.rename.adminDays;
}
function openTask(input) {
  const { now, settings } = input;
  const dueAt = deadlineAfter(now, taskDays(input.kind, settings), settings.calendar);
  const empty = blankCase({
    _id: input.id,
    kind: input.kind,
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.openedBy,
    state: "pending",
    data: input.data,
    settingsVersion: input.settingsVersion,
    now
  });
  return step(
    empty,
    {
      action: `open_${input.kind}`,
      by: input.openedBy,
      to: "pending",
      open: true,
      note: input.data.reason,
      assignees: input.assignees,
      ...deadlineFields(dueAt, settings.calendar),
      notify: audience(input.assignees, input.openedBy).map((to) => ({
        to,
        purpose: "newTask",
        title: `\u65B0\u7684${TITLES[input.kind]}`,
        body: `${input.data.instruction}\uFF0C\u8BF7\u4E8E ${formatShanghai(dueAt, "M\u6708D\u65E5")} \u524D\u5B8C\u6210\u5E76\u5728\u7FA4\u52A1\u91CC\u786E\u8BA4`
      }))
    },
    now
  );
}
function mayConfirm(c, actor) {
  if (!actor.id) return false;
  if (c.kind === "naming_fix") return actor.id !== c.subjectId && actor.rolesInGroup.includes("admin");
  if (c.assignees.includes(actor.id)) return true;
  return actor.rolesInGroup.includes("admin") && !(c.kind === "offboard" && actor.id === c.subjectId);
}
function taskAllowed(c, actor) {
  return c.state === "pending" && mayConfirm(c, actor) ? ["confirm"] : [];
}
function decideTask(c, cmd, actor, ctx) {
  const { now, settings } = ctx;
  if (c.state !== "pending") return { ok: false, code: cmd.type === "confirm" ? "CASE_ALREADY_DECIDED" : "CASE_NOT_OPEN" };
  const d = c.data;
  switch (cmd.type) {
    case "confirm": {
      if (!mayConfirm(c, actor)) return { ok: false, code: "FORBIDDEN" };
      const told = audience([c.openedBy, ...c.kind === "naming_fix" ? [] : [c.subjectId]], actor.id);
      return {
        ok: true,
        case: step(
          c,
          {
            action: "confirm",
            by: actor.id,
            to: "done",
            open: false,
            note: cmd.note,
            assignees: [],
            wakeAt: null,
            notify: told.map((to) => ({
              to,
              purpose: "caseDecided",
              title: `${TITLES[c.kind]}\u5DF2\u5B8C\u6210`,
              body: `${d.instruction}\uFF1A\u5DF2\u786E\u8BA4\u5B8C\u6210`
            }))
          },
          now
        )
      };
    }
    case "cancel": {
      if (actor.id !== null) return { ok: false, code: "FORBIDDEN" };
      return { ok: true, case: step(c, { action: "cancel", by: null, to: "cancelled", open: false, note: cmd.note, assignees: [], wakeAt: null }, now) };
    }
    case "timeout": {
      if (actor.id !== null || c.wakeAt === null || c.wakeAt > now) return { ok: false, code: "CASE_NOT_OPEN" };
      if (c.escalation === 0) {
        const dueAt = deadlineAfter(now, settings.membership.escalateAfterDays, settings.calendar);
        return {
          ok: true,
          case: step(
            c,
            {
              action: "remind",
              by: null,
              to: "pending",
              open: true,
              escalation: 1,
              ...deadlineFields(dueAt, settings.calendar),
              notify: c.assignees.map((to) => ({
                to,
                purpose: "reminder",
                title: `${TITLES[c.kind]}\u5DF2\u8D85\u671F`,
                body: `${d.instruction}\uFF0C\u5DF2\u8D85\u8FC7\u671F\u9650\uFF0C\u8BF7\u4E8E ${formatShanghai(dueAt, "M\u6708D\u65E5")} \u524D\u5B8C\u6210\uFF0C\u5426\u5219\u5C06\u62A5\u4E0A\u7EA7\u9886\u5BFC`
              }))
            },
            now
          )
        };
      }
      const up = audience([...ctx.leaders, ...d.escalateTo], c.subjectId);
      return {
        ok: true,
        case: step(
          c,
          {
            action: "escalate",
            by: null,
            to: "pending",
            open: true,
            escalation: 2,
            wakeAt: null,
            notify: up.map((to) => ({
              to,
              purpose: "escalation",
              title: `${TITLES[c.kind]}\u8D85\u671F\u672A\u5B8C\u6210`,
              body: `\u300C${d.groupName}\u300D\uFF1A${d.instruction}\uFF0C\u5DF2\u8D85\u671F\uFF0C\u8BF7\u7763\u529E`
            }))
          },
          now
        )
      };
    }
  }
}

// src/server/handlers/group-context.ts
async function loadGroupContext(store, groupId) {
  const [groups, roster, departments] = await Promise.all([
    store.getGroups([groupId]),
    store.listRoster(groupId),
    store.listDepartments()
  ]);
  const group = groups[0];
  if (!group) return null;
  const deptById = new Map(departments.map((d) => [d._id, d]));
  const has = (r, role) => r.membership.roles.includes(role) && r.person.status === "active";
  return {
    group,
    roster,
    admins: roster.filter((r) => has(r, "admin")).map((r) => r.person._id),
    leaders: roster.filter((r) => has(r, "leader")).map((r) => r.person._id),
    departments: deptById,
    members: roster.filter((r) => has(r, "member")).map((r) => namingSubject(r, deptById))
  };
}
function namingSubject(r, departments) {
  var _a2;
  return {
    personId: r.person._id,
    name: r.person.name,
    department: ((_a2 = departments.get(r.person.deptId)) == null ? void 0 : _a2.name) ?? "",
    employeeNo: r.person.employeeNo
  };
}

// src/server/settings.ts
var caches = /* @__PURE__ */ new WeakMap();
var DEFAULT_DOC = { _id: "v1", version: 1, values: DEFAULT_SETTINGS, updatedAt: 0, updatedBy: null };
var CURRENT_TTL_MS = 5e3;
var current = /* @__PURE__ */ new WeakMap();
async function currentSettings(store) {
  const hit = current.get(store);
  if (hit && Date.now() - hit.at < CURRENT_TTL_MS) return hit.doc;
  const doc = complete(await store.getSettings() ?? DEFAULT_DOC);
  current.set(store, { doc, at: Date.now() });
  versionsOf(store).set(doc.version, doc);
  return doc;
}
function forgetCurrentSettings(store) {
  current.delete(store);
}
async function settingsAt(store, version2) {
  const byVersion = versionsOf(store);
  const cached2 = byVersion.get(version2);
  if (cached2) return cached2;
  const doc = await store.getSettings(version2) ?? (version2 === 1 ? DEFAULT_DOC : await currentSettings(store));
  const full = complete(doc);
  if (full.version === version2) byVersion.set(version2, full);
  return full;
}
function versionsOf(store) {
  let byVersion = caches.get(store);
  if (!byVersion) caches.set(store, byVersion = /* @__PURE__ */ new Map());
  return byVersion;
}
function complete(doc) {
  return { ...doc, values: withDefaultSettings(doc.values) };
}

// src/server/effects.ts
var fresh = (groupId, personId, now) => ({
  _id: `${groupId}:${personId}`,
  groupId,
  personId,
  roles: ["member"],
  nickname: null,
  status: "active",
  updatedAt: now
});
async function activate(deps2, groupId, personId, now) {
  if (!await deps2.store.setMembershipStatus(groupId, personId, "active", now)) await deps2.store.putMembership(fresh(groupId, personId, now));
}
function effectOf(c) {
  const last = c.history[c.history.length - 1];
  if (!last) return null;
  switch (c.kind) {
    case "admin_filing":
      if (last.action !== "appoint") return null;
      return (deps2, now) => deps2.store.setMembershipRole(c.groupId, c.subjectId, "admin", true, now).then(() => void 0);
    case "rename":
      if (c.state !== "approved") return null;
      return (deps2, now) => recordNickname(deps2, c, now);
    case "onboard":
      if (c.state !== "done") return null;
      return (deps2, now) => activate(deps2, c.groupId, c.subjectId, now);
    case "offboard":
      if (c.state !== "done") return null;
      return async (deps2, now) => {
        await deps2.store.setMembershipStatus(c.groupId, c.subjectId, "left", now);
        const gid = c.data.guestCaseId;
        if (gid) {
          const p = await deps2.store.getPerson(c.subjectId);
          if (p && p.status === "active") await deps2.store.updatePerson({ ...p, status: "left", leftAt: now });
        }
      };
    case "guest": {
      const g = c;
      const guestId = g.data.guestPersonId;
      if (!guestId) return null;
      if (c.state === "active" && last.action === "confirm_added") {
        return async (deps2, now) => {
          if (!await deps2.store.getPerson(guestId)) {
            await deps2.store.insertPerson({ _id: guestId, openid: null, name: g.data.guestName, deptId: "", employeeNo: "", status: "active", external: true, createdAt: now, guestUntil: g.data.endDate });
          }
          await activate(deps2, c.groupId, guestId, now);
        };
      }
      if (c.state === "ended") {
        return async (deps2, now) => {
          await deps2.store.setMembershipStatus(c.groupId, guestId, "left", now);
          const p = await deps2.store.getPerson(guestId);
          if (p && p.status === "active") await deps2.store.updatePerson({ ...p, status: "left", leftAt: now });
        };
      }
      return null;
    }
    case "admin_change": {
      if (c.state !== "approved") return null;
      const d = c.data;
      return async (deps2, now) => {
        await deps2.store.setMembershipRole(c.groupId, d.successorId, "admin", true, now);
        await deps2.store.setMembershipRole(c.groupId, c.subjectId, "admin", false, now);
      };
    }
    case "election": {
      const e = c;
      if (c.state !== "elected" || !e.data.winnerId) return null;
      const winner = e.data.winnerId;
      return async (deps2, now) => {
        await deps2.store.setMembershipRole(c.groupId, winner, "admin", true, now);
        const [gc, settings, person] = await Promise.all([loadGroupContext(deps2.store, c.groupId), currentSettings(deps2.store), deps2.store.getPerson(winner)]);
        await insertNew(
          deps2,
          openAdminFiling({
            id: `af_${c._id}`,
            groupId: c.groupId,
            subjectId: winner,
            openedBy: null,
            leaders: (gc == null ? void 0 : gc.leaders) ?? [],
            data: { groupName: e.data.groupName, subjectName: (person == null ? void 0 : person.name) ?? winner, how: "elected", byName: "\u7FA4\u6210\u5458", electionCaseId: c._id },
            settingsVersion: settings.version,
            now
          })
        );
      };
    }
    default:
      return null;
  }
}
async function applyEffects(deps2, c, now) {
  var _a2;
  await ((_a2 = effectOf(c)) == null ? void 0 : _a2(deps2, now));
}
function withEffects(c) {
  const last = c.history[c.history.length - 1];
  if (!last || !effectOf(c)) return c;
  const id2 = `${c._id}.${last.seq}.fx`;
  if (c.outbox.some((e) => e.id === id2)) return c;
  const entry = { id: id2, effects: true, createdAt: last.at };
  return { ...c, outbox: [entry, ...c.outbox] };
}
async function recordNickname(deps2, c, now) {
  await deps2.store.setNickname(c.groupId, c.subjectId, c.data.nickname, now);
  for (const fix of await deps2.store.listOpenCases("naming_fix", c.groupId, c.subjectId)) {
    await decideAndSave(
      deps2,
      fix._id,
      async (cur) => decideTask(cur, { type: "confirm", note: `\u6539\u540D\u7533\u8BF7\u5DF2\u6279\u51C6\uFF1A${c.data.nickname}` }, { id: c.history[c.history.length - 1].by ?? "", rolesInGroup: ["admin"] }, {
        now,
        settings: (await settingsAt(deps2.store, cur.settingsVersion)).values,
        leaders: []
      }),
      () => true
    );
  }
}

// src/server/outbox.ts
var THING_MAX = 20;
var NO_GRANT = 43101;
var PERMANENT = /* @__PURE__ */ new Set([NO_GRANT, 47003, 41030, 40003]);
function clip(text2, max) {
  const chars = [...text2];
  return chars.length <= max ? text2 : `${chars.slice(0, max - 1).join("")}\u2026`;
}
function templateData(e) {
  return {
    thing1: { value: clip(e.title, THING_MAX) },
    thing2: { value: clip(e.body, THING_MAX) },
    time3: { value: formatShanghai(e.createdAt, "YYYY-MM-DD HH:mm") }
  };
}
async function deliver(deps2, caseId, e) {
  const { store, notifier, clock } = deps2;
  const doc = (push) => ({
    _id: e.id,
    to: e.to,
    caseId,
    purpose: e.purpose,
    title: e.title,
    body: e.body,
    page: e.page,
    createdAt: e.createdAt,
    read: false,
    push
  });
  const [person, settings] = await Promise.all([store.getPerson(e.to), currentSettings(store)]);
  const templateId = settings.values.templates[e.purpose];
  const now = clock.now();
  if (!(person == null ? void 0 : person.openid) || !templateId || person.status === "left") {
    await store.insertNotification(doc("none"));
    return "done";
  }
  if (!await store.takeGrant(person._id, templateId, now)) {
    await store.insertNotification(doc("no_grant"));
    return "done";
  }
  if (!await store.insertNotification(doc("pending"))) {
    const earlier = await store.getNotification(e.id);
    if (earlier && earlier.push !== "pending") {
      await store.addGrants(person._id, templateId, 1, now);
      return "done";
    }
  }
  let result;
  try {
    result = await notifier.send({ touser: person.openid, templateId, page: e.page, data: templateData(e) });
  } catch (err) {
    await store.addGrants(person._id, templateId, 1, now);
    return "retry";
  }
  if (result.ok) {
    await store.setNotificationPush(e.id, "sent");
    return "done";
  }
  if (result.errCode === NO_GRANT) {
    await store.clearGrants(person._id, templateId, now);
    await store.setNotificationPush(e.id, "no_grant", `${result.errCode} ${result.errMsg}`);
    return "done";
  }
  await store.addGrants(person._id, templateId, 1, now);
  if (PERMANENT.has(result.errCode)) {
    await store.setNotificationPush(e.id, "failed", `${result.errCode} ${result.errMsg}`);
    return "done";
  }
  return "retry";
}
async function dispatchOutbox(deps2, c) {
  if (!c.outbox.length) return c;
  const delivered = /* @__PURE__ */ new Set();
  const ordered = [...c.outbox].sort((a, b) => Number("effects" in b) - Number("effects" in a));
  for (const e of ordered) {
    try {
      if ("effects" in e) {
        await applyEffects(deps2, c, deps2.clock.now());
        delivered.add(e.id);
      } else if (await deliver(deps2, c._id, e) === "done") delivered.add(e.id);
    } catch (err) {
      console.error("outbox delivery failed", c._id, e.id, err);
    }
  }
  if (!delivered.size) return c;
  try {
    let current2 = c;
    for (let attempt = 0; attempt < 3 && current2; attempt++) {
      const outbox = current2.outbox.filter((e) => !delivered.has(e.id));
      if (await deps2.store.setOutbox(current2, outbox)) return { ...current2, outbox };
      current2 = await deps2.store.getCase(c._id);
    }
    return current2 ?? c;
  } catch (err) {
    console.error("outbox clean-up failed", c._id, err);
    return c;
  }
}

// src/server/save.ts
var MAX_TRIES = 3;
async function decideAndSave(deps2, caseId, decide4, canSee) {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const current2 = await deps2.store.getCase(caseId);
    if (!current2 || !canSee(current2)) return fail("NOT_FOUND");
    const d2 = await decide4(current2);
    if (!d2.ok) return fail(d2.code, d2.message);
    const next = sealHistory(withEffects(d2.case));
    if (await deps2.store.updateCase(next, current2.version)) {
      const saved = { ...next, version: current2.version + 1 };
      return dispatchOutbox(deps2, saved);
    }
  }
  const latest = await deps2.store.getCase(caseId);
  if (!latest || !canSee(latest)) return fail("NOT_FOUND");
  const d = await decide4(latest);
  return d.ok ? fail("CONFLICT") : fail(d.code, d.message);
}
async function insertNew(deps2, c) {
  const sealed = sealHistory(withEffects(c));
  if (await deps2.store.insertCase(sealed)) return { case: await dispatchOutbox(deps2, sealed), created: true };
  const existing = await deps2.store.getCase(c._id);
  if (!existing) throw new Error(`case ${c._id} neither inserted nor found`);
  return { case: existing, created: false };
}

// src/core/backups.ts
var import_dayjs2 = __toESM(require_dayjs_min());
var prevDate = (date2) => import_dayjs2.default.utc(date2).subtract(1, "day").format("YYYY-MM-DD");
var isRealDate = (d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && import_dayjs2.default.utc(d).isValid() && import_dayjs2.default.utc(d).format("YYYY-MM-DD") === d;
function checkPeriod(p, today) {
  if (!isRealDate(p.from) || !isRealDate(p.to)) return { code: "PERIOD_INVALID", message: "\u65E5\u671F\u4E0D\u5B58\u5728\uFF0C\u8BF7\u68C0\u67E5" };
  if (p.from > p.to) return { code: "PERIOD_INVALID", message: "\u5F00\u59CB\u65E5\u671F\u4E0D\u80FD\u665A\u4E8E\u7ED3\u675F\u65E5\u671F" };
  if (p.to > today) return { code: "PERIOD_INVALID", message: `\u7ED3\u675F\u65E5\u671F\u4E0D\u80FD\u665A\u4E8E\u4ECA\u5929\uFF08${today}\uFF09` };
  return null;
}
function mergePeriods(periods) {
  const sorted = [...periods].sort((a, b) => a.from === b.from ? a.to.localeCompare(b.to) : a.from.localeCompare(b.from));
  const out = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p.from <= nextDate(last.to)) {
      if (p.to > last.to) last.to = p.to;
    } else out.push({ ...p });
  }
  return out;
}
function coverageGaps(covered, since) {
  const gaps = [];
  let cursor = since;
  for (const c of covered) {
    if (c.from > cursor) gaps.push({ from: cursor, to: prevDate(c.from) });
    if (nextDate(c.to) > cursor) cursor = nextDate(c.to);
  }
  return gaps;
}
function coverage(periods, since, today, backup, calendar) {
  const covered = mergePeriods(periods);
  const last = covered[covered.length - 1];
  const base = last ? nextDate(last.to) : since;
  const nextDue = import_dayjs2.default.utc(base).add(backup.periodMonths, "month").format("YYYY-MM-DD");
  const overdueAfter = addWorkingDays(nextDue, backup.overdueWorkingDays, calendar);
  const status = today < nextDue ? "ok" : today <= overdueAfter ? "due" : "overdue";
  const start = covered.length && covered[0].from < since ? covered[0].from : since;
  return { covered, gaps: coverageGaps(covered, start), nextDue, overdueAfter, status };
}
function overlapping(backups, range) {
  return backups.filter((b) => b.from <= range.to && b.to >= range.from);
}
function overlapsOf(b, all) {
  return overlapping(all, b).filter((o) => o._id !== b._id).map((o) => o._id);
}
function citationOf(b, groupName) {
  const source = `\u6765\u6E90\uFF1A\u300C${groupName}\u300D\u7FA4\u804A\u8BB0\u5F55\uFF08${b.from} \u81F3 ${b.to}\uFF09\uFF0C\u5907\u4EFD\u7F16\u53F7 ${b._id}`;
  if (b.sha256) return `${source}\uFF0CSHA-256 ${b.sha256}`;
  return `${source}\uFF0C\u672C\u5730\u5B58\u50A8\u4E8E ${b.location ?? "\uFF08\u672A\u6CE8\u660E\uFF09"}\uFF0C\u65E0\u6821\u9A8C\u503C`;
}
function citationsOf(ids, found, groupName) {
  const byId = new Map(found.map((b) => [b._id, b]));
  return ids.map((id2) => {
    const b = byId.get(id2);
    return { backupId: id2, citation: b ? citationOf(b, groupName) : `\u5907\u4EFD\u7F16\u53F7 ${id2}\uFF08\u627E\u4E0D\u5230\u8BE5\u5907\u4EFD\u8BB0\u5F55\uFF09` };
  });
}

// src/core/election.ts
function tally(d) {
  const t = Object.fromEntries(d.candidates.map((c) => [c, 0]));
  for (const v of Object.values(d.votes)) if (v in t) t[v]++;
  return t;
}
function openElection(input) {
  const { now, settings } = input;
  const nominationEndsAt = deadlineAfter(now, settings.membership.nominationDays, settings.calendar);
  const empty = blankCase({
    _id: input.id,
    kind: "election",
    groupId: input.groupId,
    subjectId: input.openedBy,
    openedBy: input.openedBy,
    state: "nominating",
    data: {
      groupName: input.groupName,
      electorate: input.electorate,
      names: input.names,
      candidates: [],
      votes: {},
      nominationEndsAt,
      votingEndsAt: null,
      requestId: input.requestId
    },
    settingsVersion: input.settingsVersion,
    now
  });
  return step(
    empty,
    {
      action: "open_election",
      by: input.openedBy,
      to: "nominating",
      open: true,
      ...deadlineFields(nominationEndsAt, settings.calendar),
      notify: audience(input.electorate, input.openedBy).map((to) => ({
        to,
        purpose: "newTask",
        title: "\u7BA1\u7406\u5458\u9009\u4E3E\u5F00\u59CB\u63D0\u540D",
        body: `\u300C${input.groupName}\u300D\u9009\u4E3E\u7BA1\u7406\u5458\uFF0C\u63D0\u540D\u622A\u6B62 ${formatShanghai(nominationEndsAt, "M\u6708D\u65E5")}\uFF0C\u53EF\u63D0\u540D\u4ED6\u4EBA\u6216\u81EA\u8350`
      }))
    },
    now
  );
}
var isElector = (c, id2) => id2 !== null && c.data.electorate.includes(id2);
function electionAllowed(c, actor, now) {
  const d = c.data;
  if (c.state === "nominating" && isElector(c, actor.id) && now < d.nominationEndsAt) return ["nominate"];
  if (c.state === "voting" && isElector(c, actor.id) && !(actor.id in d.votes) && d.votingEndsAt !== null && now < d.votingEndsAt) return ["vote"];
  if (c.state === "tie" && actor.rolesInGroup.includes("leader")) return ["decide"];
  return [];
}
function decideElection(c, cmd, actor, ctx) {
  const { now, settings } = ctx;
  const d = c.data;
  const name = (id2) => d.names[id2] ?? id2;
  switch (cmd.type) {
    case "nominate": {
      if (!isElector(c, actor.id)) return { ok: false, code: "FORBIDDEN" };
      if (c.state !== "nominating" || now >= d.nominationEndsAt) return { ok: false, code: "ELECTION_CLOSED" };
      if (!d.electorate.includes(cmd.personId)) return { ok: false, code: "NOT_ELIGIBLE" };
      if (d.candidates.includes(cmd.personId)) return { ok: true, case: c };
      return {
        ok: true,
        case: step(c, { action: "nominate", by: actor.id, to: "nominating", open: true, note: name(cmd.personId), data: { candidates: [...d.candidates, cmd.personId] } }, now)
      };
    }
    case "vote": {
      if (!isElector(c, actor.id)) return { ok: false, code: "FORBIDDEN" };
      if (c.state !== "voting" || d.votingEndsAt === null || now >= d.votingEndsAt) return { ok: false, code: "ELECTION_CLOSED" };
      if (actor.id in d.votes) return { ok: false, code: "ALREADY_VOTED" };
      if (!d.candidates.includes(cmd.candidateId)) return { ok: false, code: "NOT_CANDIDATE" };
      return { ok: true, case: step(c, { action: "vote", by: actor.id, to: "voting", open: true, data: { votes: { ...d.votes, [actor.id]: cmd.candidateId } } }, now) };
    }
    case "decide": {
      if (c.state !== "tie") return { ok: false, code: "CASE_NOT_OPEN" };
      if (!actor.rolesInGroup.includes("leader")) return { ok: false, code: "FORBIDDEN" };
      if (!(d.tied ?? []).includes(cmd.personId)) return { ok: false, code: "NOT_CANDIDATE", message: "\u53EA\u80FD\u5728\u5E73\u7968\u7684\u5019\u9009\u4EBA\u4E2D\u51B3\u5B9A" };
      return { ok: true, case: elect(c, cmd.personId, actor.id, now, `\u4E0A\u7EA7\u9886\u5BFC\u5728\u5E73\u7968\u5019\u9009\u4EBA\u4E2D\u51B3\u5B9A\uFF1A${name(cmd.personId)}`) };
    }
    case "timeout": {
      if (actor.id !== null || c.wakeAt === null || c.wakeAt > now) return { ok: false, code: "CASE_NOT_OPEN" };
      if (c.state === "nominating") {
        if (!d.candidates.length) {
          return { ok: true, case: step(c, { action: "no_candidates", by: null, to: "failed", open: false, note: "\u63D0\u540D\u671F\u5185\u65E0\u4EBA\u88AB\u63D0\u540D", wakeAt: null, dueAt: null, notify: audience(d.electorate, null).map((to) => ({ to, purpose: "caseDecided", title: "\u7BA1\u7406\u5458\u9009\u4E3E\u672A\u9009\u51FA", body: `\u300C${d.groupName}\u300D\u63D0\u540D\u671F\u5185\u65E0\u4EBA\u88AB\u63D0\u540D` })) }, now) };
        }
        const votingEndsAt = deadlineAfter(now, settings.membership.votingDays, settings.calendar);
        return {
          ok: true,
          case: step(
            c,
            {
              action: "start_voting",
              by: null,
              to: "voting",
              open: true,
              ...deadlineFields(votingEndsAt, settings.calendar),
              data: { votingEndsAt },
              notify: d.electorate.map((to) => ({
                to,
                purpose: "newTask",
                title: "\u7BA1\u7406\u5458\u9009\u4E3E\u5F00\u59CB\u6295\u7968",
                body: `\u300C${d.groupName}\u300D\u5019\u9009\u4EBA\uFF1A${d.candidates.map(name).join("\u3001")}\uFF0C${formatShanghai(votingEndsAt, "M\u6708D\u65E5")} \u622A\u6B62\uFF0C\u6BCF\u4EBA\u4E00\u7968`
              }))
            },
            now
          )
        };
      }
      if (c.state === "voting") {
        const t = tally(d);
        const top = Math.max(...Object.values(t));
        const leading = d.candidates.filter((x) => t[x] === top);
        if (leading.length === 1) return { ok: true, case: elect(c, leading[0], null, now, `\u5F97\u7968 ${top}\uFF0C\u5F53\u9009`) };
        return {
          ok: true,
          case: step(
            c,
            {
              action: "tie",
              by: null,
              to: "tie",
              open: true,
              note: `${leading.map(name).join("\u3001")} \u5404\u5F97 ${top} \u7968`,
              assignees: ctx.leaders,
              wakeAt: null,
              dueAt: null,
              data: { tied: leading },
              notify: ctx.leaders.map((to) => ({
                to,
                purpose: "escalation",
                title: "\u7BA1\u7406\u5458\u9009\u4E3E\u5E73\u7968",
                body: `\u300C${d.groupName}\u300D${leading.map(name).join("\u3001")} \u5E73\u7968\uFF0C\u8BF7\u5728\u5176\u4E2D\u51B3\u5B9A`
              }))
            },
            now
          )
        };
      }
      return { ok: false, code: "CASE_NOT_OPEN" };
    }
  }
}
function elect(c, winnerId, by, now, note) {
  const d = c.data;
  return step(
    c,
    {
      action: "elected",
      by,
      to: "elected",
      open: false,
      note,
      assignees: [],
      wakeAt: null,
      dueAt: null,
      data: { winnerId },
      notify: audience(d.electorate, by).map((to) => ({
        to,
        purpose: "caseDecided",
        title: "\u7BA1\u7406\u5458\u9009\u4E3E\u7ED3\u679C",
        body: `\u300C${d.groupName}\u300D\u5F53\u9009\u7BA1\u7406\u5458\uFF1A${d.names[winnerId] ?? winnerId}`
      }))
    },
    now
  );
}

// src/core/backup-due.ts
function backupDueAllowed(_c, _actor) {
  return [];
}
function decideBackupDue(c, cmd, ctx) {
  if (c.state !== "due") return { ok: false, code: "CASE_NOT_OPEN" };
  const d = c.data;
  if (cmd.type === "covered") {
    return {
      ok: true,
      case: step(c, { action: "covered", by: cmd.by, to: "done", open: false, assignees: [], wakeAt: null, note: `\u5DF2\u767B\u8BB0\u5907\u4EFD ${cmd.backupId}` }, ctx.now)
    };
  }
  if (c.wakeAt === null || c.wakeAt > ctx.now) return { ok: false, code: "CASE_NOT_OPEN" };
  return {
    ok: true,
    case: step(
      c,
      {
        action: "escalate",
        by: null,
        to: "due",
        open: true,
        escalation: 2,
        wakeAt: null,
        assignees: audience([...c.assignees, ...ctx.leaders], null),
        notify: ctx.leaders.map((to) => ({
          to,
          purpose: "escalation",
          title: "\u804A\u5929\u8BB0\u5F55\u5907\u4EFD\u5DF2\u903E\u671F",
          body: `\u300C${d.groupName}\u300D\u5E94\u4E8E ${d.nextDue} \u8D77\u5907\u4EFD\uFF0C\u5DF2\u8D85\u8FC7 ${d.overdueAfter} \u4ECD\u672A\u767B\u8BB0`
        }))
      },
      ctx.now
    )
  };
}

// src/core/guest.ts
var guestEndsAt = (d) => endOfShanghaiDay(d.endDate);
function openGuest(input) {
  const { now, settings, data } = input;
  const dueAt = deadlineAfter(now, settings.membership.guestApproveDays, settings.calendar);
  const empty = blankCase({
    _id: input.id,
    kind: "guest",
    groupId: input.groupId,
    subjectId: input.requesterId,
    openedBy: input.requesterId,
    state: "requested",
    data,
    settingsVersion: input.settingsVersion,
    now
  });
  const approvers = audience(data.approvers, input.requesterId);
  return step(
    empty,
    {
      action: "submit",
      by: input.requesterId,
      to: "requested",
      open: true,
      note: data.reason,
      assignees: approvers,
      ...deadlineFields(dueAt, settings.calendar),
      notify: approvers.map((to) => ({
        to,
        purpose: "newTask",
        title: "\u5916\u90E8\u4EBA\u5458\u5165\u7FA4\u7533\u8BF7",
        body: `${data.subjectName} \u7533\u8BF7 ${data.guestName}\uFF08${data.organisation}\uFF09\u4E34\u65F6\u52A0\u5165\u300C${data.groupName}\u300D\u81F3 ${data.endDate}`
      }))
    },
    now
  );
}
var isApprover = (c, actor) => actor.id !== null && actor.id !== c.subjectId && (c.data.approvers.includes(actor.id) || actor.rolesInGroup.includes("leader"));
var isAdmin = (c, actor) => actor.id !== null && (actor.rolesInGroup.includes("admin") || c.assignees.includes(actor.id));
function guestAllowed(c, actor) {
  if (c.state === "requested") {
    return isApprover(c, actor) ? ["approve", "reject"] : [];
  }
  if (c.state === "adding" || c.state === "removing") return isAdmin(c, actor) ? ["confirm"] : [];
  return [];
}
function decideGuest(c, cmd, actor, ctx) {
  const { now, settings } = ctx;
  const d = c.data;
  const who = `${d.guestName}\uFF08\u5916\u90E8\uFF0C${d.organisation}\uFF09`;
  const timed = (days2) => {
    const dueAt = deadlineAfter(now, days2, settings.calendar);
    return deadlineFields(dueAt, settings.calendar);
  };
  switch (cmd.type) {
    case "approve":
    case "reject": {
      if (c.state !== "requested") return { ok: false, code: "CASE_ALREADY_DECIDED" };
      if (!isApprover(c, actor)) return { ok: false, code: "FORBIDDEN" };
      if (cmd.type === "reject") {
        if (!cmd.reason.trim()) return { ok: false, code: "REASON_REQUIRED", message: "\u9A73\u56DE\u65F6\u8BF7\u586B\u5199\u7406\u7531" };
        return {
          ok: true,
          case: step(c, { action: "reject", by: actor.id, to: "rejected", open: false, note: cmd.reason, assignees: [], wakeAt: null, data: { rejectReason: cmd.reason.trim() }, notify: [{ to: c.subjectId, purpose: "caseDecided", title: "\u5916\u90E8\u4EBA\u5458\u5165\u7FA4\u672A\u6279\u51C6", body: `\u7406\u7531\uFF1A${cmd.reason.trim()}` }] }, now)
        };
      }
      const admins = cmd.admins;
      return {
        ok: true,
        case: step(
          c,
          {
            action: "approve",
            by: actor.id,
            to: "adding",
            open: true,
            note: cmd.note,
            assignees: admins,
            escalation: 0,
            ...timed(settings.membership.onboardDays),
            notify: [
              { to: c.subjectId, purpose: "caseDecided", title: "\u5916\u90E8\u4EBA\u5458\u5165\u7FA4\u5DF2\u6279\u51C6", body: `${who} \u53EF\u4E34\u65F6\u52A0\u5165\u300C${d.groupName}\u300D\u81F3 ${d.endDate}\uFF0C\u7BA1\u7406\u5458\u5C06\u62C9\u5176\u5165\u7FA4` },
              ...audience(admins, actor.id).map((to) => ({ to, purpose: "newTask", title: "\u8BF7\u62C9\u5916\u90E8\u4EBA\u5458\u5165\u7FA4", body: `\u628A ${who} \u62C9\u5165\u300C${d.groupName}\u300D\uFF0C\u7FA4\u6635\u79F0\u6807\u6CE8\u201C\u5916\u90E8\u201D\uFF0C\u5B8C\u6210\u540E\u786E\u8BA4` }))
            ]
          },
          now
        )
      };
    }
    case "withdraw":
      if (c.state !== "requested") return { ok: false, code: "CASE_NOT_OPEN" };
      if (actor.id !== c.subjectId) return { ok: false, code: "FORBIDDEN" };
      return { ok: true, case: step(c, { action: "withdraw", by: actor.id, to: "withdrawn", open: false, assignees: [], wakeAt: null }, now) };
    case "confirm": {
      if (c.state !== "adding" && c.state !== "removing") return { ok: false, code: "CASE_ALREADY_DECIDED" };
      if (!isAdmin(c, actor)) return { ok: false, code: "FORBIDDEN" };
      if (c.state === "adding") {
        const endsAt = guestEndsAt(d);
        return {
          ok: true,
          case: step(c, { action: "confirm_added", by: actor.id, to: "active", open: true, note: cmd.note, assignees: [], escalation: 0, dueAt: endsAt, dueAtUnconfirmed: false, wakeAt: endsAt, notify: audience([c.subjectId], actor.id).map((to) => ({ to, purpose: "caseDecided", title: "\u5916\u90E8\u4EBA\u5458\u5DF2\u5165\u7FA4", body: `${who} \u5DF2\u52A0\u5165\u300C${d.groupName}\u300D\uFF0C${d.endDate} \u540E\u5C06\u88AB\u79FB\u51FA` })) }, now)
        };
      }
      return {
        ok: true,
        case: step(c, { action: "confirm_removed", by: actor.id, to: "ended", open: false, note: cmd.note, assignees: [], wakeAt: null, notify: audience([c.subjectId], actor.id).map((to) => ({ to, purpose: "caseDecided", title: "\u5916\u90E8\u4EBA\u5458\u5DF2\u79FB\u51FA", body: `${who} \u5DF2\u79FB\u51FA\u300C${d.groupName}\u300D` })) }, now)
      };
    }
    case "timeout": {
      if (actor.id !== null || c.wakeAt === null || c.wakeAt > now) return { ok: false, code: "CASE_NOT_OPEN" };
      if (c.state === "active") {
        return {
          ok: true,
          case: step(
            c,
            {
              action: "guest_expired",
              by: null,
              to: "removing",
              open: true,
              assignees: cmd.admins,
              escalation: 0,
              ...timed(settings.membership.offboardDays),
              notify: cmd.admins.map((to) => ({ to, purpose: "newTask", title: "\u5916\u90E8\u4EBA\u5458\u5230\u671F\uFF0C\u8BF7\u79FB\u51FA", body: `${who} \u5728\u300C${d.groupName}\u300D\u7684\u671F\u9650\uFF08${d.endDate}\uFF09\u5DF2\u5230\uFF0C\u8BF7\u79FB\u51FA\u5E76\u786E\u8BA4` }))
            },
            now
          )
        };
      }
      if (c.escalation > 0) return { ok: false, code: "CASE_NOT_OPEN" };
      return {
        ok: true,
        case: step(
          c,
          {
            action: "remind",
            by: null,
            to: c.state,
            open: true,
            escalation: 1,
            wakeAt: null,
            notify: c.assignees.map((to) => ({ to, purpose: "reminder", title: "\u5916\u90E8\u4EBA\u5458\u4E8B\u9879\u5DF2\u8D85\u671F", body: `${who}\uFF08\u300C${d.groupName}\u300D\uFF09\u7684\u4E8B\u9879\u5DF2\u8D85\u671F\uFF0C\u8BF7\u5C3D\u5FEB\u5904\u7406` }))
          },
          now
        )
      };
    }
  }
}

// src/core/record-access.ts
function grantedFile(b) {
  return { _id: b._id, from: b.from, to: b.to, storage: b.storage, fileId: b.fileId, fileName: b.fileName, location: b.location, sha256: b.sha256 };
}
var recordAccessMachine = {
  submitted: {
    open: true,
    commands: {
      approve: { who: "decider", to: "approved" },
      reject: { who: "decider", to: "rejected", needs: "reason" },
      withdraw: { who: "subject", to: "withdrawn" },
      timeout: { who: "system", to: "submitted" }
    }
  },
  approved: {
    open: true,
    commands: {
      revoke: { who: "decider", to: "revoked" },
      timeout: { who: "system", to: "expired" }
    }
  },
  rejected: { open: false, commands: {} },
  withdrawn: { open: false, commands: {} },
  revoked: { open: false, commands: {} },
  expired: { open: false, commands: {} }
};
var DAY = 864e5;
function accessDeciders(subjectId, admins, leaders) {
  const others = admins.filter((a) => a !== subjectId);
  return others.length ? others : leaders.filter((l) => l !== subjectId);
}
function grantExpiry(now, days2, access) {
  if (!Number.isInteger(days2) || days2 < 1 || days2 > access.maxDays) return null;
  return now + days2 * DAY;
}
function isGrantActive(c, now) {
  return c.state === "approved" && typeof c.data.expiresAt === "number" && c.data.expiresAt > now;
}
function openRecordAccess(input) {
  const { ctx } = input;
  const deciders = accessDeciders(input.subjectId, ctx.admins, ctx.leaders);
  const dueAt = deadlineAfter(ctx.now, ctx.settings.access.adminDays, ctx.settings.calendar);
  const empty = blankCase({
    _id: input.id,
    kind: "record_access",
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.subjectId,
    state: "submitted",
    data: {
      groupName: input.groupName,
      subjectName: input.subjectName,
      from: input.from,
      to: input.to,
      purpose: input.purpose,
      pledge: input.pledge,
      requestId: input.requestId
    },
    settingsVersion: input.settingsVersion,
    now: ctx.now
  });
  return step(
    empty,
    {
      action: "submit",
      by: input.subjectId,
      to: "submitted",
      open: true,
      note: `\u67E5\u9605 ${input.from} \u81F3 ${input.to}\uFF1B\u76EE\u7684\uFF1A${input.purpose}\uFF1B\u5DF2\u7B7E\u7F72\u4FDD\u5BC6\u627F\u8BFA`,
      assignees: deciders,
      ...deadlineFields(dueAt, ctx.settings.calendar),
      notify: deciders.map((to) => ({
        to,
        purpose: "newTask",
        title: "\u65B0\u7684\u804A\u5929\u8BB0\u5F55\u67E5\u9605\u7533\u8BF7",
        body: `${input.subjectName} \u7533\u8BF7\u67E5\u9605\u300C${input.groupName}\u300D${input.from} \u81F3 ${input.to} \u7684\u804A\u5929\u8BB0\u5F55\uFF0C\u8BF7\u4E8E ${formatShanghai(dueAt, "M\u6708D\u65E5")} \u524D\u5904\u7406`
      }))
    },
    ctx.now
  );
}
function mayDecide(c, actor) {
  if (!actor.id || actor.id === c.subjectId) return false;
  if (c.assignees.includes(actor.id)) return true;
  return actor.rolesInGroup.includes("admin") || c.state === "approved" && actor.rolesInGroup.includes("leader");
}
function recordAccessAllowed(c, actor) {
  if (c.state === "submitted") {
    if (actor.id === c.subjectId) return ["withdraw"];
    return mayDecide(c, actor) ? ["approve", "reject"] : [];
  }
  if (c.state === "approved" && mayDecide(c, actor)) return ["revoke"];
  return [];
}
function decideRecordAccess(c, cmd, actor, ctx) {
  var _a2;
  const { now } = ctx;
  const state = recordAccessMachine[c.state];
  if (!state) return { ok: false, code: "INTERNAL" };
  const rule = state.commands[cmd.type];
  if (!rule) {
    if (cmd.type === "approve" || cmd.type === "reject") {
      return {
        ok: false,
        code: "CASE_ALREADY_DECIDED",
        message: `\u8BE5\u7533\u8BF7\u5DF2${c.state === "withdrawn" ? "\u88AB\u7533\u8BF7\u4EBA\u64A4\u56DE" : `\u5904\u7406\uFF08${STATE_LABELS[c.state]}\uFF09`}\uFF0C\u8BF7\u5237\u65B0\u67E5\u770B\u6700\u65B0\u7ED3\u679C`
      };
    }
    if (cmd.type === "revoke") return { ok: false, code: "ACCESS_NOT_ACTIVE" };
    return { ok: false, code: "CASE_NOT_OPEN" };
  }
  const d = c.data;
  const range = `${d.from} \u81F3 ${d.to}`;
  switch (cmd.type) {
    case "approve": {
      if (!mayDecide(c, actor)) return { ok: false, code: "FORBIDDEN" };
      const max = now + ctx.settings.access.maxDays * DAY;
      if (!(cmd.expiresAt > now) || cmd.expiresAt > max) {
        return { ok: false, code: "EXPIRY_INVALID", message: `\u6709\u6548\u671F\u6700\u957F ${ctx.settings.access.maxDays} \u5929\uFF0C\u8BF7\u91CD\u65B0\u9009\u62E9` };
      }
      const until = formatShanghai(cmd.expiresAt, "YYYY-MM-DD HH:mm");
      return {
        ok: true,
        case: step(
          c,
          {
            action: "approve",
            by: actor.id,
            to: "approved",
            open: true,
            note: [`\u6388\u6743\u81F3 ${until}\uFF0C\u5171 ${cmd.backupIds.length} \u4EFD\u5907\u4EFD`, cmd.note].filter(Boolean).join("\uFF1B"),
            assignees: [],
            dueAt: null,
            wakeAt: cmd.expiresAt,
            escalation: 0,
            data: { expiresAt: cmd.expiresAt, backupIds: [...cmd.backupIds], ...cmd.files ? { files: cmd.files.map(grantedFile) } : {}, ...cmd.note ? { note: cmd.note } : {} },
            notify: [
              {
                to: c.subjectId,
                purpose: "caseDecided",
                title: "\u67E5\u9605\u7533\u8BF7\u5DF2\u901A\u8FC7",
                body: `\u53EF\u67E5\u9605\u300C${d.groupName}\u300D${range} \u7684 ${cmd.backupIds.length} \u4EFD\u5907\u4EFD\uFF0C\u6709\u6548\u671F\u81F3 ${until}\u3002\u8BF7\u9075\u5B88\u4FDD\u5BC6\u627F\u8BFA\u3002`
              }
            ]
          },
          now
        )
      };
    }
    case "reject": {
      if (!mayDecide(c, actor)) return { ok: false, code: "FORBIDDEN" };
      const reason = cmd.reason.trim();
      if (!reason) return { ok: false, code: "REASON_REQUIRED", message: "\u9A73\u56DE\u65F6\u8BF7\u586B\u5199\u7406\u7531" };
      return {
        ok: true,
        case: step(
          c,
          {
            action: "reject",
            by: actor.id,
            to: "rejected",
            open: false,
            note: reason,
            assignees: [],
            wakeAt: null,
            data: { reason },
            notify: [{ to: c.subjectId, purpose: "caseDecided", title: "\u67E5\u9605\u7533\u8BF7\u672A\u901A\u8FC7", body: `\u7406\u7531\uFF1A${reason}` }]
          },
          now
        )
      };
    }
    case "withdraw": {
      if (actor.id !== c.subjectId) return { ok: false, code: "FORBIDDEN" };
      return { ok: true, case: step(c, { action: "withdraw", by: actor.id, to: "withdrawn", open: false, assignees: [], wakeAt: null }, now) };
    }
    case "revoke": {
      if (!mayDecide(c, actor)) return { ok: false, code: "FORBIDDEN" };
      if (!isGrantActive(c, now)) return { ok: false, code: "ACCESS_NOT_ACTIVE" };
      const reason = ((_a2 = cmd.reason) == null ? void 0 : _a2.trim()) || void 0;
      return {
        ok: true,
        case: step(
          c,
          {
            action: "revoke",
            by: actor.id,
            to: "revoked",
            open: false,
            note: reason,
            wakeAt: null,
            data: reason ? { reason } : {},
            notify: [
              {
                to: c.subjectId,
                purpose: "caseDecided",
                title: "\u67E5\u9605\u6388\u6743\u5DF2\u64A4\u9500",
                body: `\u300C${d.groupName}\u300D${range} \u7684\u67E5\u9605\u6388\u6743\u5DF2\u88AB\u63D0\u524D\u64A4\u9500${reason ? `\uFF0C\u7406\u7531\uFF1A${reason}` : ""}`
              }
            ]
          },
          now
        )
      };
    }
    case "timeout": {
      if (actor.id !== null || c.wakeAt === null || c.wakeAt > now) return { ok: false, code: "CASE_NOT_OPEN" };
      if (c.state === "approved") {
        return {
          ok: true,
          case: step(
            c,
            {
              action: "expire",
              by: null,
              to: "expired",
              open: false,
              wakeAt: null,
              notify: [{ to: c.subjectId, purpose: "reminder", title: "\u67E5\u9605\u6388\u6743\u5DF2\u5230\u671F", body: `\u300C${d.groupName}\u300D${range} \u7684\u67E5\u9605\u6388\u6743\u5DF2\u5230\u671F\uFF0C\u4E0B\u8F7D\u94FE\u63A5\u4E0D\u518D\u53EF\u7528` }]
            },
            now
          )
        };
      }
      if (c.escalation === 0) {
        const dueAt = deadlineAfter(now, ctx.settings.access.adminDays, ctx.settings.calendar);
        return {
          ok: true,
          case: step(
            c,
            {
              action: "remind",
              by: null,
              to: "submitted",
              open: true,
              escalation: 1,
              ...deadlineFields(dueAt, ctx.settings.calendar),
              notify: audience(c.assignees, null).map((to) => ({
                to,
                purpose: "reminder",
                title: "\u67E5\u9605\u7533\u8BF7\u5DF2\u8D85\u671F",
                body: `${d.subjectName} \u67E5\u9605\u300C${d.groupName}\u300D\u804A\u5929\u8BB0\u5F55\u7684\u7533\u8BF7\u5DF2\u8D85\u8FC7\u5904\u7406\u671F\u9650\uFF0C\u8BF7\u4E8E ${formatShanghai(dueAt, "M\u6708D\u65E5")} \u524D\u5904\u7406`
              }))
            },
            now
          )
        };
      }
      const leaders = ctx.leaders.filter((l) => l !== c.subjectId);
      return {
        ok: true,
        case: step(
          c,
          {
            action: "escalate",
            by: null,
            to: "submitted",
            open: true,
            escalation: 2,
            wakeAt: null,
            assignees: audience([...c.assignees, ...leaders], null),
            notify: leaders.map((to) => ({
              to,
              purpose: "escalation",
              title: "\u67E5\u9605\u7533\u8BF7\u8D85\u671F\u672A\u5904\u7406",
              body: `\u300C${d.groupName}\u300D\u7BA1\u7406\u5458\u8D85\u671F\u672A\u5904\u7406 ${d.subjectName} \u7684\u804A\u5929\u8BB0\u5F55\u67E5\u9605\u7533\u8BF7`
            }))
          },
          now
        )
      };
    }
  }
}

// src/core/rename.ts
var renameMachine = {
  submitted: {
    open: true,
    commands: {
      approve: { who: "decider", to: "approved" },
      reject: { who: "decider", to: "rejected", needs: "reason" },
      withdraw: { who: "subject", to: "withdrawn" },
      timeout: { who: "system", to: "submitted" }
    }
  },
  approved: { open: false, commands: {} },
  rejected: { open: false, commands: {} },
  withdrawn: { open: false, commands: {} }
};
function renameDeciders(subjectId, admins, leaders) {
  const others = admins.filter((a) => a !== subjectId);
  return others.length ? others : leaders.filter((l) => l !== subjectId);
}
function openRename(input) {
  const { ctx } = input;
  const deciders = renameDeciders(input.subjectId, ctx.admins, ctx.leaders);
  const dueAt = deadlineAfter(ctx.now, ctx.settings.rename.adminDays, ctx.settings.calendar);
  const empty = blankCase({
    _id: input.id,
    kind: "rename",
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.subjectId,
    state: "submitted",
    data: {
      nickname: input.nickname,
      previous: input.previous,
      groupName: input.groupName,
      subjectName: input.subjectName,
      requestId: input.requestId,
      ...input.note ? { note: input.note } : {}
    },
    settingsVersion: input.settingsVersion,
    now: ctx.now
  });
  return step(
    empty,
    {
      action: "submit",
      by: input.subjectId,
      to: "submitted",
      open: true,
      note: input.note,
      assignees: deciders,
      ...deadlineFields(dueAt, ctx.settings.calendar),
      notify: deciders.map((to) => ({
        to,
        purpose: "newTask",
        title: "\u65B0\u7684\u6539\u540D\u7533\u8BF7",
        body: `${input.subjectName} \u7533\u8BF7\u5728\u300C${input.groupName}\u300D\u4F7F\u7528\u7FA4\u6635\u79F0\u201C${input.nickname}\u201D\uFF0C\u8BF7\u4E8E ${formatShanghai(dueAt, "M\u6708D\u65E5")} \u524D\u5904\u7406`
      }))
    },
    ctx.now
  );
}
function mayDecide2(c, actor) {
  if (!actor.id || actor.id === c.subjectId) return false;
  if (c.assignees.includes(actor.id)) return true;
  return actor.rolesInGroup.includes("admin");
}
function renameAllowed(c, actor) {
  if (c.state !== "submitted") return [];
  if (actor.id === c.subjectId) return ["withdraw"];
  return mayDecide2(c, actor) ? ["approve", "reject"] : [];
}
function decideRename(c, cmd, actor, ctx) {
  const { now } = ctx;
  const state = renameMachine[c.state];
  if (!state) return { ok: false, code: "INTERNAL" };
  const rule = state.commands[cmd.type];
  if (!rule) {
    if (cmd.type === "approve" || cmd.type === "reject") {
      return {
        ok: false,
        code: "CASE_ALREADY_DECIDED",
        message: `\u8BE5\u7533\u8BF7\u5DF2${STATE_LABELS[c.state] === "\u5DF2\u64A4\u56DE" ? "\u88AB\u7533\u8BF7\u4EBA\u64A4\u56DE" : `\u5904\u7406\uFF08${STATE_LABELS[c.state]}\uFF09`}\uFF0C\u8BF7\u5237\u65B0\u67E5\u770B\u6700\u65B0\u7ED3\u679C`
      };
    }
    return { ok: false, code: "CASE_NOT_OPEN" };
  }
  const d = c.data;
  switch (cmd.type) {
    case "approve":
    case "reject": {
      if (!mayDecide2(c, actor)) return { ok: false, code: "FORBIDDEN" };
      if (cmd.type === "reject" && !cmd.reason.trim()) return { ok: false, code: "REASON_REQUIRED", message: "\u9A73\u56DE\u65F6\u8BF7\u586B\u5199\u7406\u7531" };
      const approved = cmd.type === "approve";
      return {
        ok: true,
        case: step(
          c,
          {
            action: cmd.type,
            by: actor.id,
            to: approved ? "approved" : "rejected",
            open: false,
            note: approved ? cmd.note : cmd.reason,
            assignees: [],
            wakeAt: null,
            data: approved ? {} : { reason: cmd.reason.trim() },
            notify: [
              approved ? { to: c.subjectId, purpose: "caseDecided", title: "\u6539\u540D\u7533\u8BF7\u5DF2\u901A\u8FC7", body: `\u8BF7\u5728\u5FAE\u4FE1\u7FA4\u300C${d.groupName}\u300D\u4E2D\u628A\u7FA4\u6635\u79F0\u8BBE\u7F6E\u4E3A\uFF1A${d.nickname}` } : { to: c.subjectId, purpose: "caseDecided", title: "\u6539\u540D\u7533\u8BF7\u672A\u901A\u8FC7", body: `\u7406\u7531\uFF1A${cmd.reason.trim()}` }
            ]
          },
          now
        )
      };
    }
    case "withdraw": {
      if (actor.id !== c.subjectId) return { ok: false, code: "FORBIDDEN" };
      return {
        ok: true,
        case: step(c, { action: "withdraw", by: actor.id, to: "withdrawn", open: false, assignees: [], wakeAt: null }, now)
      };
    }
    case "timeout": {
      if (actor.id !== null || c.wakeAt === null || c.wakeAt > now) return { ok: false, code: "CASE_NOT_OPEN" };
      if (c.escalation === 0) {
        const dueAt = deadlineAfter(now, ctx.settings.rename.escalateAfterDays, ctx.settings.calendar);
        return {
          ok: true,
          case: step(
            c,
            {
              action: "remind",
              by: null,
              to: "submitted",
              open: true,
              escalation: 1,
              ...deadlineFields(dueAt, ctx.settings.calendar),
              notify: audience(c.assignees, null).map((to) => ({
                to,
                purpose: "reminder",
                title: "\u6539\u540D\u7533\u8BF7\u5DF2\u8D85\u671F",
                body: `${d.subjectName} \u5728\u300C${d.groupName}\u300D\u7684\u6539\u540D\u7533\u8BF7\u5DF2\u8D85\u8FC7\u5904\u7406\u671F\u9650\uFF0C\u8BF7\u4E8E ${formatShanghai(dueAt, "M\u6708D\u65E5")} \u524D\u5904\u7406\uFF0C\u5426\u5219\u5C06\u62A5\u4E0A\u7EA7\u9886\u5BFC`
              }))
            },
            now
          )
        };
      }
      const leaders = ctx.leaders.filter((l) => l !== c.subjectId);
      return {
        ok: true,
        case: step(
          c,
          {
            action: "escalate",
            by: null,
            to: "submitted",
            open: true,
            escalation: 2,
            wakeAt: null,
            assignees: audience([...c.assignees, ...leaders], null),
            notify: leaders.map((to) => ({
              to,
              purpose: "escalation",
              title: "\u6539\u540D\u7533\u8BF7\u8D85\u671F\u672A\u5904\u7406",
              body: `\u300C${d.groupName}\u300D\u7BA1\u7406\u5458\u8D85\u671F\u672A\u5904\u7406 ${d.subjectName} \u7684\u6539\u540D\u7533\u8BF7\uFF0C\u8BF7\u7763\u529E\u6216\u76F4\u63A5\u5904\u7406`
            }))
          },
          now
        )
      };
    }
  }
}

// src/core/violation.ts
var violationMachine = {
  vio_referred: { final: false, commands: { decideMeasure: "leader", timeout: "system" } },
  vio_decided: { final: false, commands: { appeal: "subject", accept: "subject", timeout: "system" } },
  vio_appealed: { final: false, commands: { answer: "reviewer", rule: "leader (after escalation)", timeout: "system" } },
  vio_answered: { final: false, commands: { accept: "subject", escalate: "subject", timeout: "system" } },
  vio_escalated: { final: false, commands: { rule: "leader", timeout: "system" } },
  vio_final: { final: true, commands: {} },
  vio_revoked: { final: true, commands: {} }
};
var TASK_COMMAND = "confirmTask";
var refuse = (code, message) => message ? { ok: false, code, message } : { ok: false, code };
var day = (ms) => formatShanghai(ms, "M\u6708D\u65E5");
var dayTime = (ms) => formatShanghai(ms, "M\u6708D\u65E5 HH:mm");
function appealReviewers(decidedBy, subjectId, admins, leaders) {
  const others = admins.filter((a) => a !== decidedBy && a !== subjectId);
  if (others.length) return others;
  const any = admins.filter((a) => a !== subjectId);
  return any.length ? any : leaders.filter((l) => l !== subjectId);
}
function isLighter(from, to) {
  if (from === "removal") return to === "warning";
  const i = MEASURES.indexOf(from);
  const j = MEASURES.indexOf(to);
  return i > 0 && j >= 0 && j < i;
}
function taskAdmins(d, subjectId, admins) {
  var _a2;
  return ((_a2 = d.task) == null ? void 0 : _a2.status) === "pending" ? admins.filter((a) => a !== subjectId) : [];
}
function waitingOn(state, d, c, ctx, escalation) {
  var _a2;
  const leaders = ctx.leaders.filter((l) => l !== c.subjectId);
  const task2 = taskAdmins(d, c.subjectId, ctx.admins);
  const base = {
    vio_referred: leaders,
    vio_decided: [c.subjectId],
    vio_appealed: [...((_a2 = d.appeal) == null ? void 0 : _a2.reviewers) ?? [], ...escalation >= 2 ? leaders : []],
    vio_answered: [c.subjectId],
    vio_escalated: leaders,
    vio_final: [],
    vio_revoked: []
  };
  return [.../* @__PURE__ */ new Set([...base[state], ...task2])];
}
function isOpen(state, d) {
  var _a2;
  return !violationMachine[state].final || ((_a2 = d.task) == null ? void 0 : _a2.status) === "pending";
}
function move(c, ctx, input) {
  const data = { ...c.data, ...input.data ?? {} };
  const escalation = input.escalation ?? (input.to === c.state ? c.escalation : 0);
  return step(
    c,
    { ...input, escalation, open: isOpen(input.to, data), assignees: waitingOn(input.to, data, c, ctx, escalation) },
    ctx.now
  );
}
function deadline(ctx, days2) {
  const dueAt = deadlineAfter(ctx.now, days2, ctx.settings.calendar);
  return { dueAt, dueAtUnconfirmed: isDeadlineUnconfirmed(dueAt, ctx.settings.calendar) };
}
function openViolation(input) {
  const { ctx } = input;
  const removal = input.step === "removal";
  const data = {
    requestId: input.requestId,
    groupName: input.groupName,
    subjectName: input.subjectName,
    category: input.category,
    description: input.description,
    evidence: input.evidence,
    backupIds: input.backupIds ?? [],
    severity: input.severity,
    proposed: input.proposed,
    proposalReasons: input.proposalReasons,
    priorCount: input.priorCount,
    step: input.step,
    lighterReason: input.lighterReason,
    decidedBy: input.openedBy,
    penalty: input.step === "referral" ? "pending" : input.step,
    measureReason: null,
    filedWith: [],
    appealDeadline: null,
    appeal: null,
    answer: null,
    escalateDeadline: null,
    escalation: null,
    ruling: null,
    task: removal ? { action: "remove", status: "pending", by: null, at: null } : null
  };
  const empty = blankCase({
    _id: input.id,
    kind: "violation",
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.openedBy,
    state: "vio_decided",
    data,
    settingsVersion: input.settingsVersion,
    now: ctx.now
  });
  const leaders = ctx.leaders.filter((l) => l !== input.subjectId);
  const what = `\u300C${input.groupName}\u300D${input.category}\uFF08${SEVERITY_LABELS[input.severity]}\uFF09`;
  const note = [
    `\u8FDD\u89C4\u7C7B\u522B\uFF1A${input.category}\uFF1B\u60C5\u8282\uFF1A${SEVERITY_LABELS[input.severity]}\uFF1B\u7CFB\u7EDF\u5EFA\u8BAE\uFF1A${PENALTY_LABELS[input.proposed]}\uFF1B\u5904\u7406\uFF1A${PENALTY_LABELS[input.step]}`,
    input.lighterReason ? `\u4ECE\u8F7B\u7406\u7531\uFF1A${input.lighterReason}` : ""
  ].filter(Boolean).join("\u3002");
  if (input.step === "referral") {
    const due2 = deadline(ctx, ctx.settings.violation.answerDays);
    return move(empty, ctx, {
      action: "refer",
      by: input.openedBy,
      to: "vio_referred",
      note,
      ...due2,
      wakeAt: due2.dueAt,
      data: { filedWith: leaders },
      notify: [
        ...leaders.map((to) => ({
          to,
          purpose: "newTask",
          title: "\u8FDD\u89C4\u4E8B\u9879\u5F85\u5B9A\u5904\u5206",
          body: `${input.subjectName} \u5728${what}\uFF0C\u8BF7\u4E8E ${day(due2.dueAt)} \u524D\u51B3\u5B9A\u7EAA\u5F8B\u5904\u5206`
        })),
        { to: input.subjectId, purpose: "caseDecided", title: "\u8FDD\u89C4\u4E8B\u9879\u5DF2\u62A5\u4E0A\u7EA7\u9886\u5BFC", body: `\u4F60\u5728${what}\uFF0C\u5DF2\u62A5\u4E0A\u7EA7\u9886\u5BFC\u51B3\u5B9A\u5904\u7406` }
      ]
    });
  }
  const due = deadline(ctx, ctx.settings.violation.appealDays);
  const decided = move(empty, ctx, {
    action: "decide",
    by: input.openedBy,
    to: "vio_decided",
    note,
    ...due,
    wakeAt: due.dueAt,
    data: { appealDeadline: due.dueAt, ...removal ? { filedWith: leaders } : {} },
    notify: [
      {
        to: input.subjectId,
        purpose: "caseDecided",
        title: `\u8FDD\u89C4\u5904\u7406\uFF1A${PENALTY_LABELS[input.step]}`,
        body: `\u4F60\u5728${what}\uFF0C\u5904\u7406\u4E3A${PENALTY_LABELS[input.step]}\u3002\u5982\u6709\u5F02\u8BAE\u8BF7\u4E8E ${dayTime(due.dueAt)} \u524D\u7533\u8BC9`
      },
      ...removal ? audience(ctx.admins.filter((a) => a !== input.subjectId), input.openedBy).map((to) => ({
        to,
        purpose: "newTask",
        title: "\u5F85\u79FB\u51FA\u7FA4\u6210\u5458",
        body: `\u8BF7\u5728\u5FAE\u4FE1\u7FA4\u300C${input.groupName}\u300D\u4E2D\u79FB\u51FA ${input.subjectName}\uFF0C\u5B8C\u6210\u540E\u5728\u5C0F\u7A0B\u5E8F\u786E\u8BA4`
      })) : []
    ]
  });
  if (!removal) return decided;
  return move(decided, ctx, {
    action: "file",
    by: null,
    to: "vio_decided",
    note: leaders.length ? "\u79FB\u51FA\u7FA4\u804A\u5DF2\u62A5\u4E0A\u7EA7\u9886\u5BFC\u5907\u6848" : "\u672C\u7FA4\u672A\u8BBE\u4E0A\u7EA7\u9886\u5BFC\uFF0C\u5907\u6848\u5F85\u8865",
    notify: leaders.map((to) => ({
      to,
      purpose: "newTask",
      title: "\u8FDD\u89C4\u79FB\u51FA\u5907\u6848",
      body: `${input.subjectName} \u56E0${what}\u88AB\u79FB\u51FA\u7FA4\u804A\uFF0C\u62A5\u4F60\u5907\u6848`
    }))
  });
}
function mayRule(actor, c) {
  return !!actor.id && actor.id !== c.subjectId && actor.rolesInGroup.includes("leader");
}
function mayAnswer(actor, c) {
  var _a2;
  return !!actor.id && actor.id !== c.subjectId && (((_a2 = c.data.appeal) == null ? void 0 : _a2.reviewers) ?? []).includes(actor.id);
}
function mayConfirmTask(actor, c) {
  var _a2;
  return !!actor.id && actor.id !== c.subjectId && actor.rolesInGroup.includes("admin") && ((_a2 = c.data.task) == null ? void 0 : _a2.status) === "pending";
}
function violationAllowed(c, actor, now) {
  const out = [];
  const s = c.state;
  const me = actor.id;
  const d = c.data;
  if (s === "vio_referred" && mayRule(actor, c)) out.push("decideMeasure");
  if (s === "vio_decided" && me === c.subjectId) {
    if (d.appealDeadline !== null && now <= d.appealDeadline) out.push("appeal");
    out.push("accept");
  }
  if (s === "vio_appealed" && mayAnswer(actor, c)) out.push("answer");
  if (s === "vio_appealed" && c.escalation >= 2 && mayRule(actor, c)) out.push("rule");
  if (s === "vio_answered" && me === c.subjectId) {
    if (d.escalateDeadline !== null && now <= d.escalateDeadline) out.push("escalate");
    out.push("accept");
  }
  if (s === "vio_escalated" && mayRule(actor, c)) out.push("rule");
  if (mayConfirmTask(actor, c)) out.push(TASK_COMMAND);
  return out;
}
function appealClosedReason(c, now) {
  const d = c.data;
  switch (c.state) {
    case "vio_referred":
      return "\u4E0A\u7EA7\u9886\u5BFC\u5C1A\u672A\u51B3\u5B9A\u5904\u5206\uFF0C\u51B3\u5B9A\u540E\u624D\u80FD\u7533\u8BC9\u3002";
    case "vio_decided":
      return d.appealDeadline !== null && now > d.appealDeadline ? `\u7533\u8BC9\u671F\u5DF2\u4E8E ${dayTime(d.appealDeadline)} \u622A\u6B62\uFF0C\u5904\u7406\u51B3\u5B9A\u5DF2\u751F\u6548\u3002` : null;
    case "vio_appealed":
    case "vio_escalated":
      return "\u4F60\u7684\u7533\u8BC9\u6B63\u5728\u5904\u7406\u4E2D\uFF0C\u540C\u4E00\u5904\u7406\u51B3\u5B9A\u4E00\u6B21\u53EA\u80FD\u6709\u4E00\u4E2A\u7533\u8BC9\u3002";
    case "vio_answered":
      return d.escalateDeadline !== null && now > d.escalateDeadline ? `\u5411\u4E0A\u7EA7\u9886\u5BFC\u7533\u8BC9\u7684\u671F\u9650\u5DF2\u4E8E ${dayTime(d.escalateDeadline)} \u622A\u6B62\u3002` : null;
    case "vio_final":
      return "\u5904\u7406\u51B3\u5B9A\u5DF2\u751F\u6548\uFF0C\u4E0D\u80FD\u518D\u7533\u8BC9\u3002";
    case "vio_revoked":
      return "\u5904\u7406\u5DF2\u64A4\u9500\uFF0C\u65E0\u9700\u7533\u8BC9\u3002";
  }
}
function outcomePenalty(current2, outcome2, reducedTo) {
  if (current2 === "pending" || current2 === "none") return refuse("CASE_NOT_OPEN");
  if (outcome2 === "uphold") return current2;
  if (outcome2 === "revoke") return "none";
  if (current2 === "warning") return refuse("PENALTY_NOT_ALLOWED", "\u8B66\u544A\u5DF2\u662F\u6700\u8F7B\u7684\u5904\u7406\uFF0C\u8BF7\u9009\u62E9\u7EF4\u6301\u6216\u64A4\u9500");
  if (!reducedTo) return refuse("PENALTY_NOT_ALLOWED", "\u51CF\u8F7B\u5904\u7406\u65F6\u8BF7\u9009\u62E9\u51CF\u8F7B\u540E\u7684\u5904\u7406");
  if (!isLighter(current2, reducedTo)) {
    return refuse("PENALTY_NOT_ALLOWED", `\u201C${PENALTY_LABELS[reducedTo]}\u201D\u4E0D\u6BD4\u201C${PENALTY_LABELS[current2]}\u201D\u8F7B\uFF0C\u8BF7\u91CD\u65B0\u9009\u62E9`);
  }
  return reducedTo;
}
function taskAfter(d, penalty2) {
  var _a2;
  if (penalty2 === "removal" || ((_a2 = d.task) == null ? void 0 : _a2.action) !== "remove") return d.task;
  if (d.task.status === "pending") return { ...d.task, status: "cancelled" };
  if (d.task.status === "done") return { action: "readd", status: "pending", by: null, at: null };
  return d.task;
}
function taskNotices(c, ctx, task2, by) {
  var _a2;
  if ((task2 == null ? void 0 : task2.action) !== "readd" || task2.status !== "pending" || ((_a2 = c.data.task) == null ? void 0 : _a2.action) === "readd") return [];
  return audience(ctx.admins.filter((a) => a !== c.subjectId), by).map((to) => ({
    to,
    purpose: "newTask",
    title: "\u5F85\u5C06\u6210\u5458\u91CD\u65B0\u62C9\u56DE\u7FA4",
    body: `${c.data.subjectName} \u7684\u79FB\u51FA\u5904\u7406\u5DF2\u64A4\u9500\u6216\u51CF\u8F7B\uFF0C\u8BF7\u5728\u300C${c.data.groupName}\u300D\u91CD\u65B0\u9080\u8BF7\u5176\u5165\u7FA4\u5E76\u786E\u8BA4`
  }));
}
function decideViolation(c, cmd, actor, ctx) {
  var _a2, _b, _c;
  const s = c.state;
  const rules = violationMachine[s];
  if (!rules) return refuse("INTERNAL");
  const d = c.data;
  const { now } = ctx;
  const v = ctx.settings.violation;
  if (cmd.type === "confirmTask") {
    if (((_a2 = d.task) == null ? void 0 : _a2.status) !== "pending") return refuse("TASK_NOT_PENDING");
    if (!mayConfirmTask(actor, c)) return refuse("FORBIDDEN");
    const task2 = { ...d.task, status: "done", by: actor.id, at: now };
    return {
      ok: true,
      case: move(c, ctx, {
        action: d.task.action === "remove" ? "confirm_removal" : "confirm_readd",
        by: actor.id,
        to: s,
        note: cmd.note,
        escalation: c.escalation,
        data: { task: task2 }
      })
    };
  }
  if ((cmd.type === "appeal" || cmd.type === "accept" || cmd.type === "escalate") && actor.id !== c.subjectId) return refuse("FORBIDDEN");
  if (!(cmd.type in rules.commands)) return refuseOutOfState(c, cmd, now);
  switch (cmd.type) {
    case "decideMeasure": {
      if (!mayRule(actor, c)) return refuse("FORBIDDEN");
      if (!cmd.reason.trim()) return refuse("REASON_REQUIRED", "\u51B3\u5B9A\u7EAA\u5F8B\u5904\u5206\u65F6\u8BF7\u5199\u660E\u7406\u7531");
      const due = deadline(ctx, v.appealDays);
      return {
        ok: true,
        case: move(c, ctx, {
          action: "decide_measure",
          by: actor.id,
          to: "vio_decided",
          note: `${PENALTY_LABELS[cmd.measure]}\u3002\u7406\u7531\uFF1A${cmd.reason.trim()}`,
          ...due,
          wakeAt: due.dueAt,
          data: { penalty: cmd.measure, measureReason: cmd.reason.trim(), decidedBy: actor.id, appealDeadline: due.dueAt },
          notify: [
            {
              to: c.subjectId,
              purpose: "caseDecided",
              title: `\u7EAA\u5F8B\u5904\u5206\uFF1A${PENALTY_LABELS[cmd.measure]}`,
              body: `\u4E0A\u7EA7\u9886\u5BFC\u51B3\u5B9A\u7ED9\u4E88${PENALTY_LABELS[cmd.measure]}\u3002\u5982\u6709\u5F02\u8BAE\u8BF7\u4E8E ${dayTime(due.dueAt)} \u524D\u7533\u8BC9`
            },
            ...audience([c.openedBy], actor.id).map((to) => ({
              to,
              purpose: "caseDecided",
              title: "\u9886\u5BFC\u5DF2\u51B3\u5B9A\u7EAA\u5F8B\u5904\u5206",
              body: `${d.subjectName}\uFF1A${PENALTY_LABELS[cmd.measure]}`
            }))
          ]
        })
      };
    }
    case "appeal": {
      if (actor.id !== c.subjectId) return refuse("FORBIDDEN");
      if (d.appealDeadline === null || now > d.appealDeadline) return refuse("APPEAL_CLOSED", appealClosedReason(c, now) ?? void 0);
      if (!cmd.reasons.trim()) return refuse("REASON_REQUIRED", "\u7533\u8BC9\u65F6\u8BF7\u5199\u660E\u7406\u7531");
      const byLeader = d.decidedBy !== c.openedBy;
      const reviewers = byLeader ? [] : appealReviewers(d.decidedBy, c.subjectId, ctx.admins, ctx.leaders);
      const due = deadline(ctx, v.answerDays);
      const appeal = { reasons: cmd.reasons.trim(), evidence: cmd.evidence, at: now, reviewers };
      const to = byLeader ? "vio_escalated" : "vio_appealed";
      const notify = (byLeader ? ctx.leaders.filter((l) => l !== c.subjectId) : reviewers).map((r) => ({
        to: r,
        purpose: byLeader ? "escalation" : "newTask",
        title: byLeader ? "\u7EAA\u5F8B\u5904\u5206\u7533\u8BC9\u5F85\u88C1\u51B3" : "\u65B0\u7684\u8FDD\u89C4\u7533\u8BC9",
        body: `${d.subjectName} \u5BF9\u300C${d.groupName}\u300D\u7684\u5904\u7406\u63D0\u51FA\u7533\u8BC9\uFF0C\u8BF7\u4E8E ${day(due.dueAt)} \u524D\u7B54\u590D`
      }));
      return {
        ok: true,
        case: move(c, ctx, {
          action: "appeal",
          by: actor.id,
          to,
          note: appeal.reasons,
          ...due,
          wakeAt: due.dueAt,
          data: byLeader ? { appeal, escalation: { reasons: appeal.reasons, at: now } } : { appeal },
          notify
        })
      };
    }
    case "accept": {
      if (actor.id !== c.subjectId) return refuse("FORBIDDEN");
      return {
        ok: true,
        case: move(c, ctx, {
          action: "accept",
          by: actor.id,
          to: "vio_final",
          dueAt: null,
          wakeAt: null,
          notify: audience([((_b = d.answer) == null ? void 0 : _b.by) ?? d.decidedBy], actor.id).map((to) => ({
            to,
            purpose: "caseDecided",
            title: "\u6210\u5458\u63A5\u53D7\u5904\u7406\u7ED3\u679C",
            body: `${d.subjectName} \u63A5\u53D7\u4E86\u300C${d.groupName}\u300D\u7684\u5904\u7406\u7ED3\u679C`
          }))
        })
      };
    }
    case "answer": {
      if (!mayAnswer(actor, c)) return refuse("FORBIDDEN");
      if (!cmd.finding.trim()) return refuse("REASON_REQUIRED", "\u7B54\u590D\u7533\u8BC9\u65F6\u8BF7\u5199\u660E\u8C03\u67E5\u6838\u5B9E\u7684\u7ED3\u8BBA");
      const penalty2 = outcomePenalty(d.penalty, cmd.outcome, cmd.reducedTo);
      if (typeof penalty2 === "object") return penalty2;
      const answer = { outcome: cmd.outcome, finding: cmd.finding.trim(), by: actor.id, at: now, penalty: penalty2 };
      const task2 = taskAfter(d, penalty2);
      const revoked = penalty2 === "none";
      const due = revoked ? null : deadline(ctx, v.escalateDays);
      const result = `${APPEAL_OUTCOME_LABELS[cmd.outcome]}${cmd.outcome === "reduce" ? `\u4E3A${PENALTY_LABELS[penalty2]}` : ""}`;
      return {
        ok: true,
        case: move(c, ctx, {
          action: "answer",
          by: actor.id,
          to: revoked ? "vio_revoked" : "vio_answered",
          note: `${result}\u3002${answer.finding}`,
          dueAt: (due == null ? void 0 : due.dueAt) ?? null,
          dueAtUnconfirmed: (due == null ? void 0 : due.dueAtUnconfirmed) ?? false,
          wakeAt: (due == null ? void 0 : due.dueAt) ?? null,
          data: { answer, penalty: penalty2, task: task2, escalateDeadline: (due == null ? void 0 : due.dueAt) ?? null },
          notify: [
            {
              to: c.subjectId,
              purpose: "caseDecided",
              title: `\u7533\u8BC9\u7ED3\u679C\uFF1A${APPEAL_OUTCOME_LABELS[cmd.outcome]}`,
              body: revoked ? `\u7BA1\u7406\u5458\u5DF2\u64A4\u9500\u5BF9\u4F60\u7684\u5904\u7406\uFF1A${answer.finding}` : `${result}\u3002\u5982\u4ECD\u4E0D\u6EE1\u610F\uFF0C\u53EF\u4E8E ${dayTime(due.dueAt)} \u524D\u5411\u4E0A\u7EA7\u9886\u5BFC\u7533\u8BC9`
            },
            ...taskNotices(c, ctx, task2, actor.id)
          ]
        })
      };
    }
    case "escalate": {
      if (actor.id !== c.subjectId) return refuse("FORBIDDEN");
      if (d.escalateDeadline === null || now > d.escalateDeadline) return refuse("APPEAL_CLOSED", appealClosedReason(c, now) ?? void 0);
      if (!cmd.reasons.trim()) return refuse("REASON_REQUIRED", "\u5411\u4E0A\u7EA7\u9886\u5BFC\u7533\u8BC9\u65F6\u8BF7\u5199\u660E\u7406\u7531");
      const due = deadline(ctx, v.answerDays);
      const leaders = ctx.leaders.filter((l) => l !== c.subjectId);
      return {
        ok: true,
        case: move(c, ctx, {
          action: "escalate_appeal",
          by: actor.id,
          to: "vio_escalated",
          note: cmd.reasons.trim(),
          ...due,
          wakeAt: due.dueAt,
          data: { escalation: { reasons: cmd.reasons.trim(), at: now } },
          notify: leaders.map((to) => ({
            to,
            purpose: "escalation",
            title: "\u8FDD\u89C4\u7533\u8BC9\u5F85\u6700\u7EC8\u88C1\u51B3",
            body: `${d.subjectName} \u5BF9\u300C${d.groupName}\u300D\u7684\u7533\u8BC9\u7B54\u590D\u4E0D\u670D\uFF0C\u8BF7\u4E8E ${day(due.dueAt)} \u524D\u88C1\u51B3`
          }))
        })
      };
    }
    case "rule": {
      if (!mayRule(actor, c)) return refuse("FORBIDDEN");
      if (s === "vio_appealed" && c.escalation < 2) return refuse("FORBIDDEN", "\u7533\u8BC9\u7531\u7BA1\u7406\u5458\u7B54\u590D\uFF1B\u7BA1\u7406\u5458\u8D85\u671F\u672A\u7B54\u590D\u65F6\u624D\u4F1A\u62A5\u4F60\u5904\u7406");
      if (!cmd.finding.trim()) return refuse("REASON_REQUIRED", "\u6700\u7EC8\u88C1\u51B3\u65F6\u8BF7\u5199\u660E\u7406\u7531");
      const penalty2 = outcomePenalty(d.penalty, cmd.outcome, cmd.reducedTo);
      if (typeof penalty2 === "object") return penalty2;
      const ruling = { outcome: cmd.outcome, finding: cmd.finding.trim(), by: actor.id, at: now, penalty: penalty2 };
      const task2 = taskAfter(d, penalty2);
      const result = `${APPEAL_OUTCOME_LABELS[cmd.outcome]}${cmd.outcome === "reduce" ? `\u4E3A${PENALTY_LABELS[penalty2]}` : ""}`;
      return {
        ok: true,
        case: move(c, ctx, {
          action: s === "vio_appealed" ? "take_over_rule" : "rule",
          by: actor.id,
          to: penalty2 === "none" ? "vio_revoked" : "vio_final",
          note: `\u6700\u7EC8\u88C1\u51B3\uFF1A${result}\u3002${ruling.finding}`,
          dueAt: null,
          wakeAt: null,
          data: { ruling, penalty: penalty2, task: task2 },
          notify: [
            { to: c.subjectId, purpose: "caseDecided", title: `\u6700\u7EC8\u88C1\u51B3\uFF1A${APPEAL_OUTCOME_LABELS[cmd.outcome]}`, body: `${result}\u3002${ruling.finding}` },
            ...audience([d.decidedBy, ...((_c = d.appeal) == null ? void 0 : _c.reviewers) ?? []], actor.id).filter((to) => to !== c.subjectId).map((to) => ({ to, purpose: "caseDecided", title: "\u9886\u5BFC\u5DF2\u4F5C\u6700\u7EC8\u88C1\u51B3", body: `${d.subjectName}\uFF1A${result}` })),
            ...taskNotices(c, ctx, task2, actor.id)
          ]
        })
      };
    }
    case "timeout":
      return timeout(c, actor, ctx);
  }
}
function timeout(c, actor, ctx) {
  var _a2;
  const { now } = ctx;
  if (actor.id !== null || c.wakeAt === null || c.wakeAt > now) return refuse("CASE_NOT_OPEN");
  const d = c.data;
  const s = c.state;
  const leaders = ctx.leaders.filter((l) => l !== c.subjectId);
  switch (s) {
    case "vio_decided":
    case "vio_answered":
      return {
        ok: true,
        case: move(c, ctx, {
          action: "finalize",
          by: null,
          to: "vio_final",
          note: s === "vio_decided" ? "\u7533\u8BC9\u671F\u5C4A\u6EE1\uFF0C\u5904\u7406\u51B3\u5B9A\u751F\u6548" : "\u7533\u8BC9\u4EBA\u672A\u5728\u671F\u9650\u5185\u5411\u4E0A\u7EA7\u9886\u5BFC\u7533\u8BC9\uFF0C\u7B54\u590D\u7ED3\u679C\u751F\u6548",
          dueAt: null,
          wakeAt: null,
          notify: [
            {
              to: c.subjectId,
              purpose: "caseDecided",
              title: "\u8FDD\u89C4\u5904\u7406\u5DF2\u751F\u6548",
              body: `\u4F60\u5728\u300C${d.groupName}\u300D\u7684\u8FDD\u89C4\u5904\u7406\uFF08${PENALTY_LABELS[d.penalty]}\uFF09\u5DF2\u751F\u6548`
            }
          ]
        })
      };
    case "vio_appealed": {
      if (c.escalation === 0) {
        const due = deadline(ctx, ctx.settings.violation.remindAfterDays);
        return {
          ok: true,
          case: move(c, ctx, {
            action: "remind",
            by: null,
            to: s,
            escalation: 1,
            ...due,
            wakeAt: due.dueAt,
            notify: audience(((_a2 = d.appeal) == null ? void 0 : _a2.reviewers) ?? [], null).map((to) => ({
              to,
              purpose: "reminder",
              title: "\u8FDD\u89C4\u7533\u8BC9\u5DF2\u8D85\u671F",
              body: `${d.subjectName} \u7684\u7533\u8BC9\u5DF2\u8D85\u8FC7\u7B54\u590D\u671F\u9650\uFF0C\u8BF7\u4E8E ${day(due.dueAt)} \u524D\u7B54\u590D\uFF0C\u5426\u5219\u5C06\u62A5\u4E0A\u7EA7\u9886\u5BFC`
            }))
          })
        };
      }
      return {
        ok: true,
        case: move(c, ctx, {
          action: "escalate",
          by: null,
          to: s,
          escalation: 2,
          wakeAt: null,
          notify: leaders.map((to) => ({
            to,
            purpose: "escalation",
            title: "\u8FDD\u89C4\u7533\u8BC9\u8D85\u671F\u672A\u7B54\u590D",
            body: `\u300C${d.groupName}\u300D\u7BA1\u7406\u5458\u8D85\u671F\u672A\u7B54\u590D ${d.subjectName} \u7684\u7533\u8BC9\uFF0C\u8BF7\u7763\u529E\u6216\u76F4\u63A5\u88C1\u51B3`
          }))
        })
      };
    }
    case "vio_referred":
    case "vio_escalated": {
      if (c.escalation > 0) return refuse("CASE_NOT_OPEN");
      return {
        ok: true,
        case: move(c, ctx, {
          action: "remind",
          by: null,
          to: s,
          escalation: 1,
          wakeAt: null,
          notify: leaders.map((to) => ({
            to,
            purpose: "reminder",
            title: s === "vio_referred" ? "\u8FDD\u89C4\u4E8B\u9879\u5F85\u5B9A\u5904\u5206\u5DF2\u8D85\u671F" : "\u8FDD\u89C4\u7533\u8BC9\u88C1\u51B3\u5DF2\u8D85\u671F",
            body: `${d.subjectName} \u5728\u300C${d.groupName}\u300D\u7684\u8FDD\u89C4\u4E8B\u9879\u7B49\u5F85\u4F60\u5904\u7406\uFF0C\u5DF2\u8D85\u8FC7\u671F\u9650`
          }))
        })
      };
    }
    default:
      return refuse("CASE_NOT_OPEN");
  }
}
function refuseOutOfState(c, cmd, now) {
  const s = c.state;
  switch (cmd.type) {
    case "appeal":
      if (s === "vio_appealed" || s === "vio_escalated") return refuse("APPEAL_ALREADY_OPEN");
      if (s === "vio_answered") return refuse("APPEAL_ALREADY_OPEN", "\u7BA1\u7406\u5458\u5DF2\u7B54\u590D\u4F60\u7684\u7533\u8BC9\uFF1B\u5982\u4ECD\u4E0D\u6EE1\u610F\uFF0C\u8BF7\u5411\u4E0A\u7EA7\u9886\u5BFC\u7533\u8BC9");
      return refuse("APPEAL_CLOSED", appealClosedReason(c, now) ?? void 0);
    case "escalate":
      if (s === "vio_escalated") return refuse("APPEAL_ALREADY_OPEN", "\u4F60\u5DF2\u5411\u4E0A\u7EA7\u9886\u5BFC\u7533\u8BC9\uFF0C\u8BF7\u7B49\u5F85\u6700\u7EC8\u88C1\u51B3");
      return refuse("APPEAL_CLOSED", s === "vio_decided" ? "\u8BF7\u5148\u5411\u7BA1\u7406\u5458\u7533\u8BC9\uFF1B\u7BA1\u7406\u5458\u7B54\u590D\u540E\u4ECD\u4E0D\u6EE1\u610F\u624D\u53EF\u5411\u4E0A\u7EA7\u9886\u5BFC\u7533\u8BC9" : appealClosedReason(c, now) ?? void 0);
    case "answer":
    case "rule":
    case "decideMeasure":
      return refuse("CASE_ALREADY_DECIDED", `\u8BE5\u4E8B\u9879\u5DF2\u662F\u201C${STATE_LABELS[s]}\u201D\uFF0C\u8BF7\u5237\u65B0\u67E5\u770B\u6700\u65B0\u7ED3\u679C`);
    case "accept":
      return refuse("CASE_NOT_OPEN", "\u5F53\u524D\u6CA1\u6709\u9700\u8981\u4F60\u786E\u8BA4\u7684\u5904\u7406\u7ED3\u679C");
    default:
      return refuse("CASE_NOT_OPEN");
  }
}
function violationTitle(c) {
  const p = c.data.penalty;
  const penalty2 = p === "pending" ? "\u5F85\u5B9A\u5904\u5206" : PENALTY_LABELS[p];
  return `${c.data.subjectName}\uFF1A${c.data.category}\uFF08${penalty2}\uFF09`;
}

// src/server/kinds.ts
var SYSTEM = { id: null, rolesInGroup: [] };
var noTimeout = () => ({ ok: false, code: "CASE_NOT_OPEN" });
var task = {
  allowed: (c, actor) => taskAllowed(c, actor),
  timeout: (c, ctx) => decideTask(c, { type: "timeout" }, SYSTEM, ctx),
  title: (c) => c.data.instruction
};
var kinds = {
  rename: {
    allowed: (c, actor) => renameAllowed(c, actor),
    timeout: (c, ctx) => decideRename(c, { type: "timeout" }, SYSTEM, ctx),
    title: (c) => `\u6539\u540D\u4E3A\u201C${c.data.nickname}\u201D`
  },
  naming_fix: task,
  onboard: task,
  offboard: task,
  guest: {
    allowed: (c, actor) => guestAllowed(c, actor),
    timeout: (c, ctx) => decideGuest(c, { type: "timeout", admins: ctx.admins }, SYSTEM, ctx),
    title: (c) => {
      const d = c.data;
      return `${d.guestName}\uFF08\u5916\u90E8\uFF0C${d.organisation}\uFF09\u4E34\u65F6\u5165\u7FA4\u81F3 ${d.endDate}`;
    }
  },
  admin_filing: {
    allowed: (c, actor) => adminFilingAllowed(c, actor),
    timeout: noTimeout,
    title: (c) => {
      const d = c.data;
      return `${d.subjectName} \u4EFB\u7BA1\u7406\u5458\uFF08${d.how === "appointed" ? "\u6307\u5B9A" : "\u9009\u4E3E"}\uFF09`;
    }
  },
  admin_change: {
    allowed: (c, actor) => adminChangeAllowed(c, actor),
    timeout: (c, ctx) => decideAdminChange(c, { type: "timeout" }, SYSTEM, ctx),
    title: (c) => {
      const d = c.data;
      return `\u7BA1\u7406\u5458\u7531 ${d.subjectName} \u53D8\u66F4\u4E3A ${d.successorName}`;
    }
  },
  election: {
    allowed: (c, actor, now) => electionAllowed(c, actor, now),
    timeout: (c, ctx) => decideElection(c, { type: "timeout" }, SYSTEM, ctx),
    title: (c) => `\u9009\u4E3E\u300C${c.data.groupName}\u300D\u7BA1\u7406\u5458`
  },
  record_access: {
    allowed: (c, actor) => recordAccessAllowed(c, actor),
    // Storage file ids stay on the server; the grant page shows the files.
    hidden: ["files"],
    timeout: (c, ctx) => decideRecordAccess(c, { type: "timeout" }, SYSTEM, ctx),
    title: (c) => {
      const d = c.data;
      return `\u67E5\u9605 ${d.from} \u81F3 ${d.to} \u7684\u804A\u5929\u8BB0\u5F55`;
    }
  },
  backup_due: {
    allowed: (c, actor) => backupDueAllowed(c, actor),
    timeout: (c, ctx) => decideBackupDue(c, { type: "timeout" }, ctx),
    title: (c) => `\u5907\u4EFD\u300C${c.data.groupName}\u300D\u7684\u804A\u5929\u8BB0\u5F55`
  },
  violation: {
    allowed: (c, actor, now) => violationAllowed(c, actor, now),
    timeout: (c, ctx) => decideViolation(c, { type: "timeout" }, SYSTEM, ctx),
    title: (c) => violationTitle(c),
    files: (c) => {
      var _a2;
      const d = c.data;
      return { evidence: d.evidence, appealEvidence: ((_a2 = d.appeal) == null ? void 0 : _a2.evidence) ?? [] };
    },
    backups: (c) => c.data.backupIds ?? [],
    viewData: (c, now) => ({ appealClosedReason: appealClosedReason(c, now) }),
    hidden: ["evidence", "backupIds"]
  }
};

// src/server/views.ts
var ACTION_LABELS = {
  submit: "\u63D0\u4EA4\u7533\u8BF7",
  approve: "\u6279\u51C6",
  reject: "\u9A73\u56DE",
  withdraw: "\u64A4\u56DE",
  remind: "\u8D85\u671F\u63D0\u9192",
  escalate: "\u8D85\u671F\u62A5\u4E0A\u7EA7\u9886\u5BFC",
  open_onboard: "\u5F00\u51FA\u5165\u7FA4\u4EFB\u52A1",
  open_offboard: "\u5F00\u51FA\u79FB\u51FA\u4EFB\u52A1",
  open_naming_fix: "\u8981\u6C42\u6539\u6B63\u7FA4\u6635\u79F0",
  confirm: "\u786E\u8BA4\u5DF2\u5B8C\u6210",
  cancel: "\u53D6\u6D88",
  appoint: "\u6307\u5B9A\u7BA1\u7406\u5458\u5E76\u62A5\u5907\u6848",
  elect: "\u9009\u4E3E\u7ED3\u679C\u62A5\u5907\u6848",
  acknowledge: "\u4E0A\u7EA7\u9886\u5BFC\u5DF2\u9605",
  open_election: "\u53D1\u8D77\u9009\u4E3E",
  nominate: "\u63D0\u540D",
  vote: "\u6295\u7968",
  start_voting: "\u63D0\u540D\u622A\u6B62\uFF0C\u5F00\u59CB\u6295\u7968",
  no_candidates: "\u65E0\u4EBA\u88AB\u63D0\u540D",
  tie: "\u5E73\u7968\uFF0C\u5F85\u4E0A\u7EA7\u9886\u5BFC\u51B3\u5B9A",
  elected: "\u9009\u51FA\u7BA1\u7406\u5458",
  confirm_added: "\u786E\u8BA4\u5DF2\u62C9\u5165\u7FA4",
  confirm_removed: "\u786E\u8BA4\u5DF2\u79FB\u51FA",
  guest_expired: "\u5230\u671F\uFF0C\u5F85\u79FB\u51FA",
  revoke: "\u64A4\u9500\u6388\u6743",
  expire: "\u6388\u6743\u5230\u671F",
  due: "\u5907\u4EFD\u5230\u671F\u63D0\u9192\u7BA1\u7406\u5458",
  covered: "\u5DF2\u767B\u8BB0\u5907\u4EFD",
  // violations
  decide: "\u4F5C\u51FA\u5904\u7406\u51B3\u5B9A",
  refer: "\u62A5\u4E0A\u7EA7\u9886\u5BFC\u51B3\u5B9A\u5904\u5206",
  file: "\u62A5\u4E0A\u7EA7\u9886\u5BFC\u5907\u6848",
  decide_measure: "\u9886\u5BFC\u51B3\u5B9A\u7EAA\u5F8B\u5904\u5206",
  appeal: "\u63D0\u51FA\u7533\u8BC9",
  accept: "\u63A5\u53D7\u5904\u7406\u7ED3\u679C",
  answer: "\u7B54\u590D\u7533\u8BC9",
  escalate_appeal: "\u5411\u4E0A\u7EA7\u9886\u5BFC\u7533\u8BC9",
  rule: "\u4E0A\u7EA7\u9886\u5BFC\u6700\u7EC8\u88C1\u51B3",
  take_over_rule: "\u4E0A\u7EA7\u9886\u5BFC\u63A5\u624B\u5E76\u88C1\u51B3",
  finalize: "\u671F\u6EE1\u751F\u6548",
  confirm_removal: "\u786E\u8BA4\u5DF2\u79FB\u51FA\u7FA4\u804A",
  confirm_readd: "\u786E\u8BA4\u5DF2\u91CD\u65B0\u62C9\u56DE\u7FA4"
};
var LINK_TTL_MS = 30 * 6e4;
function canSeeCase(actor, c) {
  const me = actor.person._id;
  if (actor.isOwner || c.subjectId === me || c.openedBy === me || c.assignees.includes(me)) return true;
  const roles = rolesIn(actor, c.groupId);
  if (roles.includes("admin") || roles.includes("leader")) return true;
  if (c.kind === "election" && roles.includes("member")) return true;
  if (c.kind === "guest" && (c.data.approvers ?? []).includes(me)) return true;
  return false;
}
function subjectRef(c, group, ref) {
  return c.kind === "backup_due" ? { id: c.groupId, name: (group == null ? void 0 : group.name) ?? String(c.data.groupName ?? "") } : ref(c.subjectId);
}
async function toCaseViews(store, actor, cases, withHistory, opts) {
  const personIds = /* @__PURE__ */ new Set();
  for (const c of cases) {
    personIds.add(c.subjectId);
    c.assignees.forEach((a) => personIds.add(a));
    if (withHistory) c.history.forEach((h) => h.by && personIds.add(h.by));
  }
  const [people, groups] = await Promise.all([
    store.getPeople([...personIds]),
    store.getGroups([...new Set(cases.map((c) => c.groupId))])
  ]);
  const personById = new Map(people.map((p) => [p._id, p]));
  const groupById = new Map(groups.map((g) => [g._id, g]));
  const ref = (id2) => {
    var _a2;
    return { id: id2, name: ((_a2 = personById.get(id2)) == null ? void 0 : _a2.name) ?? "\uFF08\u672A\u77E5\uFF09" };
  };
  const links = withHistory && opts.files ? await Promise.all(cases.map((c) => fileLinks(c, opts.files, opts.now))) : [];
  const groupName = (c) => {
    var _a2;
    return ((_a2 = groupById.get(c.groupId)) == null ? void 0 : _a2.name) ?? String(c.data.groupName ?? "");
  };
  const citations = withHistory ? await Promise.all(cases.map((c) => backupCitations(store, c, groupName(c)))) : [];
  return cases.map((c, i) => {
    var _a2, _b;
    const rules = kinds[c.kind];
    const view = {
      id: c._id,
      kind: c.kind,
      kindLabel: CASE_KIND_LABELS[c.kind],
      group: { id: c.groupId, name: ((_a2 = groupById.get(c.groupId)) == null ? void 0 : _a2.name) ?? String(c.data.groupName ?? "") },
      subject: subjectRef(c, groupById.get(c.groupId), ref),
      state: c.state,
      stateLabel: STATE_LABELS[c.state] ?? c.state,
      open: c.open,
      waitingOn: c.assignees.map(ref),
      dueAt: c.dueAt,
      dueAtUnconfirmed: c.dueAtUnconfirmed,
      escalation: c.escalation,
      title: rules.title(c),
      data: { ...publicData(c, actor.person._id, rules.hidden ?? []), ...((_b = rules.viewData) == null ? void 0 : _b.call(rules, c, opts.now)) ?? {} },
      allowed: rules.allowed(c, { id: actor.person._id, rolesInGroup: rolesIn(actor, c.groupId) }, opts.now),
      createdAt: c.createdAt,
      updatedAt: c.updatedAt
    };
    if (withHistory) {
      view.history = c.history.map(
        (h) => ({
          seq: h.seq,
          at: h.at,
          by: h.by ? ref(h.by) : null,
          action: h.action,
          actionLabel: ACTION_LABELS[h.action] ?? h.action,
          from: h.from,
          to: h.to,
          ...h.note ? { note: h.note } : {},
          dueAt: h.dueAt
        })
      );
    }
    if (links[i]) view.links = links[i];
    if (citations[i]) view.citations = citations[i];
    return view;
  });
}
async function fileLinks(c, files, now) {
  var _a2, _b;
  const byField = (_b = (_a2 = kinds[c.kind]).files) == null ? void 0 : _b.call(_a2, c);
  if (!byField) return void 0;
  const expiresAt = now + LINK_TTL_MS;
  const out = {};
  for (const [field, ids] of Object.entries(byField)) {
    out[field] = await Promise.all(ids.map(async (fileId2) => ({ fileId: fileId2, url: await files.link(fileId2, expiresAt), expiresAt })));
  }
  return out;
}
async function backupCitations(store, c, groupName) {
  var _a2, _b;
  const ids = (_b = (_a2 = kinds[c.kind]).backups) == null ? void 0 : _b.call(_a2, c);
  if (!ids || ids.length === 0) return void 0;
  const found = (await store.getBackups(ids)).filter((b) => b.groupId === c.groupId);
  return citationsOf(ids, found, groupName);
}
function publicData(c, viewer, hidden) {
  const { requestId: _requestId, ...rest } = c.data;
  for (const k of hidden) delete rest[k];
  if (c.kind === "election") {
    const d = c.data;
    const { votes: _votes, electorate: _electorate, ...shown } = rest;
    return { ...shown, tally: tally(d), voted: Object.keys(d.votes).length, electorateSize: d.electorate.length, myVote: d.votes[viewer] ?? null };
  }
  return rest;
}

// src/server/handlers/case-step.ts
async function stepCase(ctx, caseId, kinds2, decide4) {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const saved = await decideAndSave(
    ctx.deps,
    caseId,
    async (c) => {
      if (!kinds2.includes(c.kind)) return { ok: false, code: "NOT_FOUND" };
      const [settings, group] = await Promise.all([settingsAt(store, c.settingsVersion), loadGroupContext(store, c.groupId)]);
      return decide4(c, { actor: { id: actor.person._id, rolesInGroup: rolesIn(actor, c.groupId) }, now, settings: settings.values, group });
    },
    (c) => canSeeCase(actor, c)
  );
  if ("ok" in saved) return saved;
  return ok((await toCaseViews(store, actor, [saved], true, { now }))[0]);
}

// src/server/handlers/admins.ts
function eligible(gc, personId) {
  return gc.roster.find((r) => r.person._id === personId && r.person.status === "active" && !r.person.external && r.membership.roles.includes("member")) ?? null;
}
async function adminsAppoint(ctx, input) {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const gc = await loadGroupContext(store, input.groupId);
  if (!gc) return fail("NOT_FOUND");
  if (gc.group.creatorId !== actor.person._id && !actor.isOwner) return fail("FORBIDDEN", "\u53EA\u6709\u7FA4\u521B\u5EFA\u8005\u53EF\u4EE5\u6307\u5B9A\u7BA1\u7406\u5458");
  const entry = eligible(gc, input.personId);
  if (!entry) return fail("NOT_ELIGIBLE");
  if (entry.membership.roles.includes("admin")) return fail("BAD_INPUT", `${entry.person.name} \u5DF2\u662F\u8BE5\u7FA4\u7BA1\u7406\u5458`);
  const settings = await currentSettings(store);
  const c = openAdminFiling({
    id: `af_${ctx.deps.ids().replace(/-/g, "")}`,
    groupId: gc.group._id,
    subjectId: entry.person._id,
    openedBy: actor.person._id,
    leaders: gc.leaders,
    data: { groupName: gc.group.name, subjectName: entry.person.name, how: "appointed", byName: actor.person.name },
    settingsVersion: settings.version,
    now
  });
  const { case: saved } = await insertNew(ctx.deps, c);
  return ok((await toCaseViews(store, actor, [saved], true, { now }))[0]);
}
async function adminsApplyChange(ctx, input) {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const id2 = requestKey("ac", me, input.requestId);
  const view = async (c2) => ok((await toCaseViews(store, actor, [c2], true, { now }))[0]);
  if (!rolesIn(actor, input.groupId).includes("admin")) return fail("FORBIDDEN", "\u53EA\u6709\u8BE5\u7FA4\u7684\u73B0\u4EFB\u7BA1\u7406\u5458\u53EF\u4EE5\u7533\u8BF7\u53D8\u66F4");
  const [gc, open] = await Promise.all([loadGroupContext(store, input.groupId), store.listOpenCases("admin_change", input.groupId, me)]);
  const retried = open.find((c2) => c2._id === id2);
  if (retried) return view(retried);
  if (!gc) return fail("NOT_FOUND");
  const reason = input.reason.trim();
  if (!reason) return fail("REASON_REQUIRED", "\u8BF7\u586B\u5199\u53D8\u66F4\u7406\u7531");
  if (input.successorId === me) return fail("BAD_INPUT", "\u63A5\u4EFB\u4EBA\u4E0D\u80FD\u662F\u4F60\u81EA\u5DF1");
  const successor = eligible(gc, input.successorId);
  if (!successor) return fail("NOT_ELIGIBLE", "\u63A5\u4EFB\u4EBA\u5FC5\u987B\u662F\u8BE5\u7FA4\u7684\u5728\u518C\u6210\u5458");
  if (open.length) return fail("DUPLICATE_OPEN_CASE", "\u4F60\u5728\u8BE5\u7FA4\u5DF2\u6709\u4E00\u4E2A\u5F85\u5BA1\u6279\u7684\u7BA1\u7406\u5458\u53D8\u66F4\u7533\u8BF7");
  if (!gc.leaders.length) return fail("BAD_INPUT", "\u8BE5\u7FA4\u6CA1\u6709\u4E0A\u7EA7\u9886\u5BFC\uFF0C\u65E0\u6CD5\u5BA1\u6279\u53D8\u66F4\uFF0C\u8BF7\u8054\u7CFB\u7CFB\u7EDF\u7BA1\u7406\u5458");
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  const settings = await currentSettings(store);
  const c = openAdminChange({
    id: id2,
    groupId: gc.group._id,
    applicantId: me,
    leaders: gc.leaders,
    data: { groupName: gc.group.name, subjectName: actor.person.name, successorId: successor.person._id, successorName: successor.person.name, reason, requestId: input.requestId },
    settingsVersion: settings.version,
    now,
    settings: settings.values
  });
  const { case: saved } = await insertNew(ctx.deps, c);
  return canSeeCase(actor, saved) ? view(saved) : fail("NOT_FOUND");
}
async function adminsDecideChange(ctx, input) {
  var _a2;
  const reason = ((_a2 = input.reason) == null ? void 0 : _a2.trim()) ?? "";
  if (!input.approve && !reason) return fail("REASON_REQUIRED", "\u9A73\u56DE\u65F6\u8BF7\u586B\u5199\u7406\u7531");
  const refused = await checkText(ctx, [reason || void 0]);
  if (refused) return refused;
  return stepCase(ctx, input.caseId, ["admin_change"], (c, env) => {
    const d = c.data;
    if (input.approve && env.group) {
      if (!eligible(env.group, d.successorId)) {
        const others = env.group.admins.filter((a) => a !== c.subjectId);
        return others.length ? { ok: false, code: "NOT_ELIGIBLE", message: `\u63A5\u4EFB\u4EBA ${d.successorName} \u5DF2\u4E0D\u662F\u8BE5\u7FA4\u7684\u5728\u518C\u6210\u5458\uFF0C\u4E0D\u80FD\u6279\u51C6` } : { ok: false, code: "LAST_ADMIN", message: `\u63A5\u4EFB\u4EBA ${d.successorName} \u5DF2\u4E0D\u5728\u7FA4\u4E2D\uFF0C\u6279\u51C6\u540E\u8BE5\u7FA4\u5C06\u6CA1\u6709\u7BA1\u7406\u5458\uFF0C\u8BF7\u9A73\u56DE\u5E76\u91CD\u65B0\u7533\u8BF7` };
      }
    }
    return decideAdminChange(c, input.approve ? { type: "approve", note: reason || void 0 } : { type: "reject", reason }, env.actor, env);
  });
}

// src/server/handlers/cases.ts
var DEFAULT_LIMIT = 20;
async function casesMine(ctx, input) {
  const page = { offset: input.offset ?? 0, limit: input.limit ?? DEFAULT_LIMIT };
  const { items, total } = await ctx.deps.store.listCasesOfPerson(ctx.actor.person._id, page);
  return ok({ items: await toCaseViews(ctx.deps.store, ctx.actor, items, false, { now: ctx.now }), total, ...page });
}
async function casesGet(ctx, input) {
  const c = await ctx.deps.store.getCase(input.caseId);
  if (!c || !canSeeCase(ctx.actor, c)) return fail("NOT_FOUND");
  return ok((await toCaseViews(ctx.deps.store, ctx.actor, [c], true, { now: ctx.now, files: ctx.deps.files }))[0]);
}
async function inboxList(ctx, input) {
  const page = { offset: input.offset ?? 0, limit: input.limit ?? DEFAULT_LIMIT };
  const { items, total } = await ctx.deps.store.listInbox(ctx.actor.person._id, page);
  return ok({ items: await toCaseViews(ctx.deps.store, ctx.actor, items, false, { now: ctx.now }), total, ...page });
}

// src/server/handlers/elections.ts
async function electionsOpen(ctx, input) {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const id2 = requestKey("el", actor.person._id, input.requestId);
  const view = async (c2) => ok((await toCaseViews(store, actor, [c2], true, { now }))[0]);
  const [gc, open] = await Promise.all([loadGroupContext(store, input.groupId), store.listOpenCases("election", input.groupId)]);
  const retried = open.find((c2) => c2._id === id2);
  if (retried && canSeeCase(actor, retried)) return view(retried);
  if (!gc) return fail("NOT_FOUND");
  const roles = rolesIn(actor, gc.group._id);
  if (!(roles.includes("admin") || roles.includes("leader") || gc.group.creatorId === actor.person._id || actor.isOwner)) {
    return fail("FORBIDDEN", "\u53EA\u6709\u7FA4\u521B\u5EFA\u8005\u3001\u7BA1\u7406\u5458\u6216\u4E0A\u7EA7\u9886\u5BFC\u53EF\u4EE5\u53D1\u8D77\u9009\u4E3E");
  }
  if (open.length) return fail("DUPLICATE_OPEN_CASE", "\u8BE5\u7FA4\u5DF2\u6709\u4E00\u573A\u8FDB\u884C\u4E2D\u7684\u9009\u4E3E");
  const electorate = gc.roster.filter((r) => r.person.status === "active" && !r.person.external && r.membership.roles.includes("member"));
  const settings = await currentSettings(store);
  const c = openElection({
    id: id2,
    groupId: gc.group._id,
    openedBy: actor.person._id,
    groupName: gc.group.name,
    electorate: electorate.map((r) => r.person._id),
    names: Object.fromEntries(electorate.map((r) => [r.person._id, r.person.name])),
    requestId: input.requestId,
    settingsVersion: settings.version,
    now,
    settings: settings.values
  });
  const { case: saved } = await insertNew(ctx.deps, c);
  return canSeeCase(actor, saved) ? view(saved) : fail("NOT_FOUND");
}
async function electionsNominate(ctx, input) {
  return stepCase(ctx, input.caseId, ["election"], (c, env) => {
    var _a2;
    return decideElection(c, { type: "nominate", personId: input.personId }, env.actor, { ...env, leaders: ((_a2 = env.group) == null ? void 0 : _a2.leaders) ?? [] });
  });
}
async function electionsVote(ctx, input) {
  return stepCase(ctx, input.caseId, ["election"], (c, env) => {
    var _a2;
    return decideElection(c, { type: "vote", candidateId: input.candidateId }, env.actor, { ...env, leaders: ((_a2 = env.group) == null ? void 0 : _a2.leaders) ?? [] });
  });
}
async function electionsDecideTie(ctx, input) {
  return stepCase(ctx, input.caseId, ["election"], (c, env) => {
    var _a2;
    return decideElection(c, { type: "decide", personId: input.personId }, env.actor, { ...env, leaders: ((_a2 = env.group) == null ? void 0 : _a2.leaders) ?? [] });
  });
}

// src/core/naming.ts
var ALLOWED = /^[\u4e00-\u9fa5\u3400-\u4dbfA-Za-z0-9·]+$/;
function namesakes(subject, groupMembers) {
  return groupMembers.filter((m) => m.personId !== subject.personId && m.name === subject.name);
}
function canonicalNickname(subject, groupMembers, rule) {
  const same = namesakes(subject, groupMembers);
  const base = `${subject.name}${rule.separator}${subject.department}`;
  const reasons = [`\u7FA4\u6635\u79F0\u7EDF\u4E00\u4E3A\u201C\u771F\u5B9E\u59D3\u540D${rule.separator}\u90E8\u95E8\u540D\u79F0\u201D\uFF08\u5236\u5EA6\u7B2C\u4E8C\u6761\u7B2C2\u6B3E\uFF09\u3002`];
  if (same.length === 0) return { canonical: base, requiresSuffix: false, reasons };
  reasons.push(`\u672C\u7FA4\u53E6\u6709 ${same.length} \u4F4D\u6210\u5458\u4E5F\u53EB\u201C${subject.name}\u201D\uFF0C\u987B\u5728\u672B\u5C3E\u52A0\u4E0A\u5DE5\u53F7\u4EE5\u4FBF\u533A\u5206\u3002`);
  return { canonical: `${base}${rule.separator}${subject.employeeNo}`, requiresSuffix: true, reasons };
}
function checkNickname(requested, subject, groupMembers, rule) {
  const nick = requested.trim();
  const { canonical, requiresSuffix } = canonicalNickname(subject, groupMembers, rule);
  if (!nick) return [{ rule: "empty", message: "\u8BF7\u586B\u5199\u7FA4\u6635\u79F0" }];
  const issues = [];
  if ([...nick].length > rule.maxLength) {
    issues.push({ rule: "length", message: `\u7FA4\u6635\u79F0\u6700\u591A ${rule.maxLength} \u4E2A\u5B57\uFF0C\u5F53\u524D ${[...nick].length} \u4E2A` });
  }
  const parts = nick.split(rule.separator);
  if (parts.some((p) => !ALLOWED.test(p))) {
    issues.push({
      rule: "characters",
      message: `\u53EA\u80FD\u4F7F\u7528\u6C49\u5B57\u3001\u5B57\u6BCD\u3001\u6570\u5B57\u548C\u201C\xB7\u201D\uFF0C\u5404\u90E8\u5206\u4E4B\u95F4\u7528\u201C${rule.separator}\u201D\u8FDE\u63A5\uFF0C\u4E0D\u8981\u52A0\u7A7A\u683C\u6216\u8868\u60C5`
    });
  }
  const [name, department, suffix, ...rest] = parts;
  if (name !== subject.name) {
    issues.push({ rule: "name", message: `\u5E94\u4EE5\u4F60\u7684\u771F\u5B9E\u59D3\u540D\u201C${subject.name}\u201D\u5F00\u5934` });
  }
  if (parts.length < 2) {
    issues.push({ rule: "separator", message: `\u59D3\u540D\u548C\u90E8\u95E8\u4E4B\u95F4\u8981\u7528\u201C${rule.separator}\u201D\u9694\u5F00` });
  } else if (department !== subject.department) {
    issues.push({ rule: "department", message: `\u90E8\u95E8\u5E94\u4E3A\u201C${subject.department}\u201D` });
  }
  if (requiresSuffix) {
    if (suffix === void 0) {
      issues.push({ rule: "suffix_required", message: `\u672C\u7FA4\u6709\u540C\u540D\u6210\u5458\uFF0C\u987B\u5728\u672B\u5C3E\u52A0\u4E0A\u201C${rule.separator}${subject.employeeNo}\u201D\uFF08\u5DE5\u53F7\uFF09` });
    } else if (suffix !== subject.employeeNo || rest.length) {
      issues.push({ rule: "suffix_mismatch", message: `\u672B\u5C3E\u7684\u533A\u5206\u4FE1\u606F\u5E94\u4E3A\u4F60\u7684\u5DE5\u53F7\u201C${subject.employeeNo}\u201D` });
    }
  } else if (suffix !== void 0) {
    issues.push({ rule: "suffix_not_allowed", message: "\u672C\u7FA4\u6CA1\u6709\u540C\u540D\u6210\u5458\uFF0C\u4E0D\u9700\u8981\u52A0\u5DE5\u53F7\u7B49\u540E\u7F00" });
  }
  if (!issues.length && nick !== canonical) {
    issues.push({ rule: "name", message: `\u89C4\u8303\u7FA4\u6635\u79F0\u5E94\u4E3A\u201C${canonical}\u201D` });
  }
  return issues;
}

// src/server/handlers/groups.ts
var HISTORY_KINDS = /* @__PURE__ */ new Set(["onboard", "offboard", "guest", "admin_filing", "admin_change", "election", "naming_fix"]);
async function groupsCreate(ctx, input) {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  if (!managesDept(actor, input.deptId)) return fail("FORBIDDEN", "\u53EA\u80FD\u4E3A\u4F60\u8D1F\u8D23\u7684\u90E8\u95E8\u767B\u8BB0\u7FA4");
  const id2 = requestKey("g", actor.person._id, input.requestId);
  const retried = (await store.getGroups([id2]))[0];
  if (retried) return ok(await groupView(store, retried));
  const name = input.name.trim();
  if (!name) return fail("BAD_INPUT", "\u8BF7\u586B\u5199\u7FA4\u540D\u79F0");
  const [groups, departments] = await Promise.all([store.listGroups(), store.listDepartments()]);
  if (!departments.some((d) => d._id === input.deptId)) return fail("NOT_FOUND");
  if (groups.some((g) => g.name === name)) return fail("NAME_TAKEN", `\u5DF2\u6709\u540D\u4E3A\u201C${name}\u201D\u7684\u7FA4`);
  const adminIds = [...new Set(input.adminIds)];
  const everyone = [.../* @__PURE__ */ new Set([input.creatorId, input.leaderId, ...adminIds])];
  const people = await store.getPeople(everyone);
  if (people.length !== everyone.length) return fail("NOT_FOUND", "\u627E\u4E0D\u5230\u6240\u9009\u7684\u4EBA\u5458");
  if (people.some((p) => p.status !== "active")) return fail("PERSON_LEFT");
  if (people.some((p) => p.external)) return fail("NOT_ELIGIBLE", "\u5916\u90E8\u4EBA\u5458\u4E0D\u80FD\u62C5\u4EFB\u7FA4\u7684\u521B\u5EFA\u8005\u3001\u7BA1\u7406\u5458\u6216\u4E0A\u7EA7\u9886\u5BFC");
  const group = { _id: id2, name, type: input.type, deptId: input.deptId, creatorId: input.creatorId, opengid: null, createdAt: now };
  await store.insertGroup(group);
  const roles = /* @__PURE__ */ new Map();
  const add = (pid, r) => roles.set(pid, [.../* @__PURE__ */ new Set([...roles.get(pid) ?? [], r])]);
  add(input.creatorId, "member");
  for (const a of adminIds) {
    add(a, "member");
    add(a, "admin");
  }
  add(input.leaderId, "leader");
  for (const [personId, r] of roles) {
    await store.putMembership({ _id: `${id2}:${personId}`, groupId: id2, personId, roles: r, nickname: null, status: "active", updatedAt: now });
  }
  return ok(await groupView(store, group));
}
async function resolveChat(ctx, cloudID) {
  return ctx.deps.openData.groupOpengid(cloudID, ctx.actor.openid);
}
async function groupsBindWechat(ctx, input) {
  const { store } = ctx.deps;
  const group = (await store.getGroups([input.groupId]))[0];
  if (!group) return fail("NOT_FOUND");
  if (!ctx.actor.isOwner && !rolesIn(ctx.actor, group._id).includes("admin")) return fail("FORBIDDEN", "\u53EA\u6709\u8BE5\u7FA4\u7684\u7BA1\u7406\u5458\u53EF\u4EE5\u7ED1\u5B9A\u5FAE\u4FE1\u7FA4");
  const opengid = await resolveChat(ctx, input.cloudID);
  if (!opengid) return fail("NO_GROUP_CONTEXT");
  const other = await store.getGroupByOpengid(opengid);
  if (other && other._id !== group._id) return fail("GROUP_ALREADY_BOUND", `\u8FD9\u4E2A\u5FAE\u4FE1\u7FA4\u5DF2\u7ED1\u5B9A\u5230\u300C${other.name}\u300D`);
  await store.setGroupOpengid(group._id, opengid);
  return ok(await groupView(store, { ...group, opengid }));
}
async function groupsEnter(ctx, input) {
  const { store } = ctx.deps;
  const opengid = await resolveChat(ctx, input.cloudID);
  const group = opengid ? await store.getGroupByOpengid(opengid) : null;
  if (!group || !(ctx.actor.isOwner || rolesIn(ctx.actor, group._id).length || managesDept(ctx.actor, group.deptId))) return ok({ group: null });
  return ok({ group: await groupView(store, group) });
}
async function groupsRoster(ctx, input) {
  const { store } = ctx.deps;
  const { actor } = ctx;
  const gc = await loadGroupContext(store, input.groupId);
  const roles = rolesIn(actor, input.groupId);
  if (!gc || !(roles.length || managesDept(actor, gc.group.deptId))) return fail("NOT_FOUND");
  const settings = await currentSettings(store);
  const creator = await store.getPerson(gc.group.creatorId);
  const people = new Map(gc.roster.map((r) => [r.person._id, r.person]));
  if (creator) people.set(creator._id, creator);
  const group = toGroupView(gc.group, gc.roster, people, gc.departments);
  const fixOf = /* @__PURE__ */ new Map();
  for (const f of await store.listOpenCases("naming_fix", gc.group._id)) if (!fixOf.has(f.subjectId)) fixOf.set(f.subjectId, f._id);
  const members2 = gc.roster.filter((r) => r.membership.roles.includes("member") || r.membership.roles.includes("admin")).map((r) => {
    var _a2;
    const canonical = r.person.external ? `${r.person.name}${settings.values.naming.separator}\u5916\u90E8` : canonicalNickname(namingSubject(r, gc.departments), gc.members, settings.values.naming).canonical;
    return {
      person: { id: r.person._id, name: r.person.name },
      department: ((_a2 = gc.departments.get(r.person.deptId)) == null ? void 0 : _a2.name) ?? "",
      employeeNo: r.person.employeeNo,
      roles: r.membership.roles,
      external: r.person.external,
      left: r.person.status === "left",
      nickname: r.membership.nickname,
      canonical,
      compliant: r.membership.nickname === canonical,
      fixCaseId: fixOf.get(r.person._id) ?? null
    };
  });
  const history = (await store.listCasesOfGroup(gc.group._id, { offset: 0, limit: 30 })).items.filter((c) => HISTORY_KINDS.has(c.kind) && canSeeCase(actor, c));
  const isAdmin2 = roles.includes("admin");
  const isMember = roles.includes("member");
  return ok({
    group,
    members: members2,
    history: await toCaseViews(store, actor, history, false, { now: ctx.now }),
    can: {
      manage: isAdmin2,
      bind: isAdmin2 || actor.isOwner,
      appoint: actor.isOwner || gc.group.creatorId === actor.person._id,
      elect: isAdmin2 || roles.includes("leader") || gc.group.creatorId === actor.person._id || actor.isOwner,
      applyChange: isAdmin2,
      guest: isMember || isAdmin2
    }
  });
}
async function rosterAskFix(ctx, input) {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  if (!rolesIn(actor, input.groupId).includes("admin")) return fail("FORBIDDEN", "\u53EA\u6709\u8BE5\u7FA4\u7684\u7BA1\u7406\u5458\u53EF\u4EE5\u8981\u6C42\u6210\u5458\u6539\u6B63\u6635\u79F0");
  const gc = await loadGroupContext(store, input.groupId);
  if (!gc) return fail("NOT_FOUND");
  const entry = gc.roster.find((r) => r.person._id === input.personId && r.membership.roles.includes("member"));
  if (!entry || entry.person.status !== "active") return fail("NOT_MEMBER", "\u6B64\u4EBA\u4E0D\u662F\u8BE5\u7FA4\u7684\u5728\u518C\u6210\u5458");
  const open = await store.listOpenCases("naming_fix", gc.group._id, input.personId);
  if (open.length) return fail("DUPLICATE_OPEN_CASE", "\u5DF2\u8981\u6C42\u8BE5\u6210\u5458\u6539\u6B63\u6635\u79F0\uFF0C\u6B63\u5728\u7B49\u5F85\u5904\u7406");
  const settings = await currentSettings(store);
  const { canonical } = canonicalNickname(namingSubject(entry, gc.departments), gc.members, settings.values.naming);
  if (entry.membership.nickname === canonical) return fail("BAD_INPUT", "\u8BE5\u6210\u5458\u7684\u7FA4\u6635\u79F0\u5DF2\u7B26\u5408\u89C4\u8303");
  const c = openTask({
    kind: "naming_fix",
    id: `nf_${ctx.deps.ids().replace(/-/g, "")}`,
    groupId: gc.group._id,
    subjectId: entry.person._id,
    openedBy: actor.person._id,
    assignees: [entry.person._id],
    data: {
      groupName: gc.group.name,
      subjectName: entry.person.name,
      instruction: `\u8BF7\u5728\u300C${gc.group.name}\u300D\u628A\u7FA4\u6635\u79F0\u6539\u4E3A\u201C${canonical}\u201D\u5E76\u5728\u7FA4\u52A1\u63D0\u4EA4\u6539\u540D\u7533\u8BF7`,
      escalateTo: [actor.person._id],
      canonical
    },
    settingsVersion: settings.version,
    now,
    settings: settings.values
  });
  const { case: saved } = await insertNew(ctx.deps, c);
  return ok((await toCaseViews(store, actor, [saved], true, { now }))[0]);
}

// src/server/handlers/guests.ts
var DAY2 = 864e5;
async function guestsRequest(ctx, input) {
  var _a2;
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const id2 = requestKey("gu", me, input.requestId);
  if (!rolesIn(actor, input.groupId).includes("member")) return fail("NOT_MEMBER");
  const gc = await loadGroupContext(store, input.groupId);
  if (!gc) return fail("NOT_FOUND");
  const settings = await currentSettings(store);
  const today = shanghaiDate(now);
  const latest = shanghaiDate(now + settings.values.membership.guestMaxDays * DAY2);
  if (Number.isNaN(Date.parse(input.endDate)) || input.endDate < today || input.endDate > latest) {
    return fail("DATE_INVALID", `\u7ED3\u675F\u65E5\u671F\u987B\u5728 ${today} \u5230 ${latest} \u4E4B\u95F4\uFF08\u6700\u957F ${settings.values.membership.guestMaxDays} \u5929\uFF09`);
  }
  const reason = input.reason.trim();
  if (!reason) return fail("REASON_REQUIRED", "\u8BF7\u586B\u5199\u5916\u90E8\u4EBA\u5458\u5165\u7FA4\u7684\u7406\u7531");
  const refused = await checkText(ctx, [input.name, input.organisation, reason]);
  if (refused) return refused;
  const head = ((_a2 = gc.departments.get(gc.group.deptId)) == null ? void 0 : _a2.headId) ?? null;
  const approvers = [.../* @__PURE__ */ new Set([...head ? [head] : [], ...gc.leaders])].filter((p) => p !== me);
  if (!approvers.length) return fail("BAD_INPUT", "\u8BE5\u7FA4\u6CA1\u6709\u53EF\u4EE5\u5BA1\u6279\u7684\u90E8\u95E8\u8D1F\u8D23\u4EBA\u6216\u4E0A\u7EA7\u9886\u5BFC");
  const c = openGuest({
    id: id2,
    groupId: gc.group._id,
    requesterId: me,
    data: {
      groupName: gc.group.name,
      subjectName: actor.person.name,
      guestName: input.name.trim(),
      organisation: input.organisation.trim(),
      reason,
      endDate: input.endDate,
      approvers,
      guestPersonId: `px_${id2}`,
      requestId: input.requestId
    },
    settingsVersion: settings.version,
    now,
    settings: settings.values
  });
  const { case: saved } = await insertNew(ctx.deps, c);
  if (!canSeeCase(actor, saved)) return fail("NOT_FOUND");
  return ok((await toCaseViews(store, actor, [saved], true, { now }))[0]);
}
async function guestsDecide(ctx, input) {
  var _a2;
  const reason = ((_a2 = input.reason) == null ? void 0 : _a2.trim()) ?? "";
  if (!input.approve && !reason) return fail("REASON_REQUIRED", "\u9A73\u56DE\u65F6\u8BF7\u586B\u5199\u7406\u7531");
  const refused = await checkText(ctx, [reason || void 0]);
  if (refused) return refused;
  return stepCase(
    ctx,
    input.caseId,
    ["guest"],
    (c, env) => {
      var _a3;
      return decideGuest(c, input.approve ? { type: "approve", note: reason || void 0, admins: ((_a3 = env.group) == null ? void 0 : _a3.admins) ?? [] } : { type: "reject", reason }, env.actor, env);
    }
  );
}

// src/server/handlers/invitations.ts
var import_node_crypto4 = require("node:crypto");

// src/core/invitation.ts
var HOUR = 36e5;
function invitationExpiry(now, hours) {
  return now + hours * HOUR;
}
function invitationProblem(inv, now) {
  if (!inv) return "INVITATION_INVALID";
  if (inv.usedAt !== null) return "INVITATION_USED";
  if (now >= inv.expiresAt) return "INVITATION_EXPIRED";
  return null;
}

// src/server/handlers/invitations.ts
var JOIN_PAGE = "packages/org/pages/join/index";
function tokenHash(token) {
  return (0, import_node_crypto4.createHash)("sha256").update(`invitation
${token}`).digest("hex");
}
async function invitationsCreate(ctx, input) {
  const { store } = ctx.deps;
  const person = await store.getPerson(input.personId);
  if (!person || !managesDept(ctx.actor, person.deptId)) return fail("NOT_FOUND");
  if (person.status !== "active") return fail("PERSON_LEFT");
  if (person.openid) return fail("PERSON_ALREADY_BOUND");
  const settings = await currentSettings(store);
  const token = (0, import_node_crypto4.randomBytes)(24).toString("base64url");
  const expiresAt = invitationExpiry(ctx.now, settings.values.membership.invitationHours);
  await store.insertInvitation({ _id: tokenHash(token), personId: person._id, createdBy: ctx.actor.person._id, createdAt: ctx.now, expiresAt, usedAt: null, usedBy: null });
  return ok({ person: { id: person._id, name: person.name }, token, expiresAt, path: `${JOIN_PAGE}?token=${token}` });
}
async function invitationsAccept(ctx, input) {
  const { store } = ctx.deps;
  if (await store.getPersonByOpenid(ctx.openid)) return fail("ALREADY_BOUND");
  const id2 = tokenHash(input.token.trim());
  const inv = await store.getInvitation(id2);
  const problem = invitationProblem(inv, ctx.now);
  if (problem) return fail(problem);
  const person = await store.getPerson(inv.personId);
  if (!person || person.status !== "active") return fail("INVITATION_INVALID");
  if (person.openid) return fail("PERSON_ALREADY_BOUND");
  if (!await store.useInvitation(id2, ctx.openid, ctx.now)) return fail("INVITATION_USED");
  if (!await store.bindOpenid(person._id, ctx.openid)) return fail(await store.getPersonByOpenid(ctx.openid) ? "ALREADY_BOUND" : "PERSON_ALREADY_BOUND");
  const dept = (await store.listDepartments()).find((d) => d._id === person.deptId);
  return ok({ person: { id: person._id, name: person.name }, department: (dept == null ? void 0 : dept.name) ?? "" });
}

// src/server/handlers/joining.ts
function taskAssignees(gc, subjectId) {
  const admins = gc.admins.filter((a) => a !== subjectId);
  return admins.length ? admins : gc.leaders.filter((l) => l !== subjectId);
}
async function openGroupTask(ctx, kind, gc, person, instruction, reason) {
  var _a2;
  const { store } = ctx.deps;
  if ((await store.listOpenCases(kind, gc.group._id, person._id)).length) return null;
  const settings = await currentSettings(store);
  const depts = gc.departments;
  const head = ((_a2 = depts.get(gc.group.deptId)) == null ? void 0 : _a2.headId) ?? null;
  const c = openTask({
    kind,
    id: `${kind === "onboard" ? "ob" : "of"}_${ctx.deps.ids().replace(/-/g, "")}`,
    groupId: gc.group._id,
    subjectId: person._id,
    openedBy: ctx.actor.person._id,
    assignees: taskAssignees(gc, person._id),
    data: {
      groupName: gc.group.name,
      subjectName: person.name,
      instruction,
      escalateTo: head && head !== person._id ? [head] : [],
      ...reason ? { reason } : {}
    },
    settingsVersion: settings.version,
    now: ctx.now,
    settings: settings.values
  });
  return (await insertNew(ctx.deps, c)).case;
}
async function peopleOnboard(ctx, input) {
  const { store } = ctx.deps;
  const person = await store.getPerson(input.personId);
  if (!person || !managesDept(ctx.actor, person.deptId)) return fail("NOT_FOUND");
  if (person.status !== "active") return fail("PERSON_LEFT");
  const all = await store.listGroups();
  const chosen = input.groupIds ? all.filter((g) => input.groupIds.includes(g._id)) : all.filter((g) => g.deptId === person.deptId);
  if (input.groupIds && chosen.length !== new Set(input.groupIds).size) return fail("NOT_FOUND");
  const mine = new Set((await store.listMembershipsOfPerson(person._id)).filter((m) => m.status === "active").map((m) => m.groupId));
  const dept = (await store.listDepartments()).find((d) => d._id === person.deptId);
  const opened = [];
  for (const g of chosen) {
    if (mine.has(g._id)) continue;
    const gc = await loadGroupContext(store, g._id);
    if (!gc) continue;
    const c = await openGroupTask(ctx, "onboard", gc, person, `\u628A\u65B0\u540C\u4E8B ${person.name}\uFF08${(dept == null ? void 0 : dept.name) ?? ""}\uFF09\u62C9\u5165\u300C${g.name}\u300D`);
    if (c) opened.push(c);
  }
  return ok(await toCaseViews(store, ctx.actor, opened, false, { now: ctx.now }));
}
async function peopleOffboard(ctx, input) {
  var _a2;
  const { store } = ctx.deps;
  const { now } = ctx;
  const person = await store.getPerson(input.personId);
  if (!person || !managesDept(ctx.actor, person.deptId)) return fail("NOT_FOUND");
  if (person.status !== "active") return fail("PERSON_LEFT");
  if (person._id === ctx.actor.person._id) return fail("FORBIDDEN", "\u4E0D\u80FD\u4E3A\u81EA\u5DF1\u529E\u7406\u79BB\u804C");
  const reason = ((_a2 = input.reason) == null ? void 0 : _a2.trim()) || void 0;
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  await store.updatePerson({ ...person, status: "left", leftAt: now });
  const left = { ...person, status: "left" };
  const opened = [];
  for (const m of await store.listMembershipsOfPerson(person._id)) {
    if (m.status !== "active") continue;
    const gc = await loadGroupContext(store, m.groupId);
    if (!gc) continue;
    const lastAdmin = m.roles.includes("admin") && !gc.admins.some((a) => a !== person._id);
    const instruction = `\u628A\u79BB\u804C\u7684 ${person.name} \u79FB\u51FA\u300C${gc.group.name}\u300D${lastAdmin ? "\uFF08\u8BE5\u7FA4\u5DF2\u6CA1\u6709\u7BA1\u7406\u5458\uFF0C\u8BF7\u5C3D\u5FEB\u6307\u5B9A\u65B0\u7BA1\u7406\u5458\uFF09" : ""}`;
    const c = await openGroupTask(ctx, "offboard", gc, left, instruction, reason);
    if (c) opened.push(c);
  }
  await cancelOnboarding(ctx.deps, person._id, now);
  return ok(await toCaseViews(store, ctx.actor, opened, false, { now }));
}
async function cancelOnboarding(deps2, personId, now) {
  for (const g of await deps2.store.listGroups()) {
    for (const c of await deps2.store.listOpenCases("onboard", g._id, personId)) {
      await decideAndSave(
        deps2,
        c._id,
        async (cur) => decideTask(cur, { type: "cancel", note: "\u6B64\u4EBA\u5DF2\u79BB\u804C" }, { id: null, rolesInGroup: [] }, { now, settings: (await settingsAt(deps2.store, cur.settingsVersion)).values, leaders: [] }),
        () => true
      );
    }
  }
}

// src/server/handlers/backups-cite.ts
async function backupsCite(ctx, input) {
  const { store } = ctx.deps;
  const b = await store.getBackup(input.backupId);
  if (!b || rolesIn(ctx.actor, b.groupId).length === 0) return fail("NOT_FOUND");
  const [group] = await store.getGroups([b.groupId]);
  if (!group) return fail("NOT_FOUND");
  return ok({ citation: citationOf(b, group.name) });
}

// src/server/backup-views.ts
var BACKUP_ACTION_LABELS = {
  register: "\u767B\u8BB0\u5907\u4EFD",
  verify: "\u6821\u9A8C\u5B8C\u6574\u6027"
};
function canManageBackups(actor, groupId) {
  return rolesIn(actor, groupId).includes("admin");
}
function canSeeBackups(actor, groupId) {
  const roles = rolesIn(actor, groupId);
  return roles.includes("admin") || roles.includes("leader");
}
async function toBackupViews(store, backups, group, all, withHistory = false) {
  const ids = /* @__PURE__ */ new Set();
  for (const b of backups) {
    ids.add(b.madeBy);
    ids.add(b.registeredBy);
    if (b.lastVerify) ids.add(b.lastVerify.by);
    if (withHistory) b.history.forEach((h) => h.by && ids.add(h.by));
  }
  const people = new Map((await store.getPeople([...ids])).map((p) => [p._id, p.name]));
  const ref = (id2) => ({ id: id2, name: people.get(id2) ?? "\uFF08\u672A\u77E5\uFF09" });
  return backups.map((b) => {
    const v = {
      id: b._id,
      groupId: b.groupId,
      from: b.from,
      to: b.to,
      storage: b.storage,
      fileName: b.fileName,
      size: b.size,
      location: b.location,
      sha256: b.sha256,
      madeBy: ref(b.madeBy),
      registeredBy: ref(b.registeredBy),
      createdAt: b.createdAt,
      ...b.note ? { note: b.note } : {},
      overlaps: overlapsOf(b, all),
      lastVerify: b.lastVerify ? { at: b.lastVerify.at, intact: b.lastVerify.intact, by: ref(b.lastVerify.by) } : null,
      citation: citationOf(b, group.name)
    };
    if (withHistory) v.history = b.history.map((h) => historyView(h, ref));
    return v;
  });
}
function historyView(h, ref) {
  return {
    seq: h.seq,
    at: h.at,
    by: h.by ? ref(h.by) : null,
    action: h.action,
    actionLabel: BACKUP_ACTION_LABELS[h.action] ?? h.action,
    from: h.from,
    to: h.to,
    ...h.note ? { note: h.note } : {},
    dueAt: h.dueAt
  };
}
function coverageView(backups, group, now, settings) {
  const c = coverage(backups, shanghaiDate(group.createdAt), shanghaiDate(now), settings.backup, settings.calendar);
  return { covered: c.covered, gaps: c.gaps, nextDue: c.nextDue, status: c.status, periodMonths: settings.backup.periodMonths };
}

// src/server/handlers/backups-list.ts
async function backupsList(ctx, input) {
  const { store } = ctx.deps;
  if (!canSeeBackups(ctx.actor, input.groupId)) return fail("NOT_FOUND");
  const [[group], backups, settings] = await Promise.all([store.getGroups([input.groupId]), store.listBackups(input.groupId), currentSettings(store)]);
  if (!group) return fail("NOT_FOUND");
  return ok({
    group: { id: group._id, name: group.name },
    // Newest period first: the one an admin looks for.
    backups: (await toBackupViews(store, backups, group, backups)).reverse(),
    coverage: coverageView(backups, group, ctx.now, settings.values),
    canManage: canManageBackups(ctx.actor, group._id)
  });
}
async function backupsGet(ctx, input) {
  const { store } = ctx.deps;
  const found = await store.getBackupInGroup(input.backupId);
  if (!found || !canSeeBackups(ctx.actor, found.backup.groupId)) return fail("NOT_FOUND");
  const { backup: b, all } = found;
  const [group] = await store.getGroups([b.groupId]);
  if (!group) return fail("NOT_FOUND");
  return ok((await toBackupViews(store, [b], group, all, true))[0]);
}

// src/server/handlers/backups-register.ts
var import_node_crypto5 = require("node:crypto");
function backupId(personId, requestId2) {
  return `bk_${(0, import_node_crypto5.createHash)("sha256").update(`${personId}
${requestId2}`).digest("hex").slice(0, 24)}`;
}
var sha256 = (bytes) => (0, import_node_crypto5.createHash)("sha256").update(bytes).digest("hex");
async function backupsRegister(ctx, input) {
  var _a2, _b, _c;
  const { store, files } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const id2 = backupId(me, input.requestId);
  const [group] = await store.getGroups([input.groupId]);
  if (!group) return fail("NOT_FOUND");
  if (!canManageBackups(actor, group._id)) return fail("FORBIDDEN", "\u53EA\u6709\u8BE5\u7FA4\u7684\u7BA1\u7406\u5458\u53EF\u4EE5\u767B\u8BB0\u5907\u4EFD");
  const before = await store.listBackups(group._id);
  const retried = before.find((b) => b._id === id2);
  if (retried) return ok((await toBackupViews(store, [retried], group, before))[0]);
  const bad = checkPeriod(input, shanghaiDate(now));
  if (bad) return fail(bad.code, bad.message);
  const madeBy = input.madeBy ?? me;
  if (madeBy !== me && !(await store.listRoster(group._id)).some((r) => r.person._id === madeBy)) {
    return fail("BAD_INPUT", "\u5907\u4EFD\u4EBA\u5FC5\u987B\u662F\u8BE5\u7FA4\u7684\u6210\u5458");
  }
  const note = ((_a2 = input.note) == null ? void 0 : _a2.trim()) || void 0;
  const location = ((_b = input.location) == null ? void 0 : _b.trim()) || null;
  const fileName = ((_c = input.fileName) == null ? void 0 : _c.trim()) || null;
  let stored;
  if (input.storage === "cloud") {
    if (!input.fileId) return fail("STORAGE_REQUIRED", "\u8BF7\u5148\u4E0A\u4F20\u5907\u4EFD\u6587\u4EF6");
    if (!files.owns(input.fileId)) return fail("FILE_INVALID");
    const bytes = await files.read(input.fileId);
    if (!bytes) return fail("FILE_INVALID");
    stored = { fileId: input.fileId, fileName, size: bytes.length, location: null, sha256: sha256(bytes) };
  } else {
    if (!location) return fail("STORAGE_REQUIRED", "\u8BF7\u586B\u5199\u672C\u5730\u5B58\u50A8\u4F4D\u7F6E\uFF08\u4F8B\u5982\u54EA\u53F0\u7535\u8111\u3001\u54EA\u4E2A\u67DC\u5B50\uFF09");
    stored = { fileId: null, fileName: null, size: null, location, sha256: null };
  }
  const refused = await checkText(ctx, [note, location ?? void 0, fileName ?? void 0]);
  if (refused) return refused;
  const doc = sealHistory({
    _id: id2,
    groupId: group._id,
    from: input.from,
    to: input.to,
    storage: input.storage,
    ...stored,
    madeBy,
    registeredBy: me,
    ...note ? { note } : {},
    requestId: input.requestId,
    lastVerify: null,
    history: [
      {
        seq: 1,
        at: now,
        by: me,
        action: "register",
        from: null,
        to: "registered",
        dueAt: null,
        note: stored.sha256 ? `${input.from} \u81F3 ${input.to}\uFF0CSHA-256 ${stored.sha256}` : `${input.from} \u81F3 ${input.to}\uFF0C\u672C\u5730\u5B58\u50A8\uFF1A${location}`,
        prevHash: "",
        hash: ""
      }
    ],
    version: 1,
    createdAt: now,
    updatedAt: now
  });
  if (!await store.insertBackup(doc)) {
    const existing = await store.getBackup(id2);
    if (!existing) return fail("CONFLICT");
    return ok((await toBackupViews(store, [existing], group, await store.listBackups(group._id)))[0]);
  }
  await closeBackupDue(ctx, doc);
  const all = [...before, doc].sort((a, b) => a.from !== b.from ? a.from < b.from ? -1 : 1 : a._id < b._id ? -1 : 1);
  return ok((await toBackupViews(store, [doc], group, all, true))[0]);
}
async function closeBackupDue(ctx, b) {
  const open = await ctx.deps.store.listOpenCases("backup_due", b.groupId, b.groupId);
  for (const c of open) {
    if (c.data.lastCovered !== null && b.to <= c.data.lastCovered) continue;
    await decideAndSave(
      ctx.deps,
      c._id,
      (cur) => decideBackupDue(cur, { type: "covered", backupId: b._id, by: ctx.actor.person._id }, { now: ctx.now, leaders: [] }),
      () => true
    );
  }
}

// src/server/handlers/backups-verify.ts
var MAX_TRIES2 = 3;
async function backupsVerify(ctx, input) {
  const { store, files } = ctx.deps;
  const me = ctx.actor.person._id;
  for (let attempt = 0; attempt < MAX_TRIES2; attempt++) {
    const found = await store.getBackupInGroup(input.backupId);
    if (!found || !canManageBackups(ctx.actor, found.backup.groupId)) return fail("NOT_FOUND");
    const { backup: b, all } = found;
    if (b.storage !== "cloud" || !b.fileId || !b.sha256) return fail("FILE_INVALID", "\u672C\u5730\u5B58\u50A8\u7684\u5907\u4EFD\u6CA1\u6709\u4E0A\u4F20\u6587\u4EF6\uFF0C\u65E0\u6CD5\u5728\u7EBF\u6821\u9A8C");
    const bytes = await files.read(b.fileId);
    const now = sha256OrNull(bytes);
    const intact = now === b.sha256;
    const note = intact ? "\u5B8C\u6574\uFF1ASHA-256 \u4E0E\u767B\u8BB0\u65F6\u4E00\u81F4" : bytes ? `\u5DF2\u635F\u574F/\u5DF2\u53D8\u66F4\uFF1A\u73B0\u5728\u7684 SHA-256 \u4E3A ${now}\uFF0C\u767B\u8BB0\u65F6\u4E3A ${b.sha256}` : "\u5DF2\u635F\u574F/\u5DF2\u53D8\u66F4\uFF1A\u5B58\u50A8\u4E2D\u627E\u4E0D\u5230\u8BE5\u6587\u4EF6";
    const next = sealHistory({
      ...b,
      lastVerify: { at: ctx.now, intact, by: me, sha256: now },
      updatedAt: ctx.now,
      history: [
        ...b.history,
        { seq: b.history.length + 1, at: ctx.now, by: me, action: "verify", from: "registered", to: "registered", dueAt: null, note, prevHash: "", hash: "" }
      ]
    });
    if (await store.updateBackup(next, b.version)) {
      const [group] = await store.getGroups([b.groupId]);
      if (!group) return fail("NOT_FOUND");
      return ok((await toBackupViews(store, [{ ...next, version: b.version + 1 }], group, all, true))[0]);
    }
  }
  return fail("CONFLICT");
}
function sha256OrNull(bytes) {
  return bytes ? sha256(bytes) : null;
}

// src/server/handlers/records-decide.ts
async function decide(ctx, caseId, cmd) {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const saved = await decideAndSave(
    ctx.deps,
    caseId,
    async (c) => {
      if (c.kind !== "record_access") return { ok: false, code: "NOT_FOUND" };
      const settings = (await settingsAt(store, c.settingsVersion)).values;
      let command;
      if (cmd.type === "approveDays") {
        const expiresAt = grantExpiry(now, cmd.days, settings.access);
        if (expiresAt === null) return { ok: false, code: "EXPIRY_INVALID", message: `\u6709\u6548\u671F\u6700\u957F ${settings.access.maxDays} \u5929\uFF0C\u8BF7\u91CD\u65B0\u9009\u62E9` };
        const range = { from: String(c.data.from), to: String(c.data.to) };
        const granted = overlapping(await store.listBackups(c.groupId), range);
        command = { type: "approve", expiresAt, backupIds: granted.map((b) => b._id), files: granted.map(grantedFile), ...cmd.note ? { note: cmd.note } : {} };
      } else command = cmd;
      return decideRecordAccess(
        c,
        command,
        { id: actor.person._id, rolesInGroup: rolesIn(actor, c.groupId) },
        { now, settings, admins: [], leaders: [] }
      );
    },
    (c) => canSeeCase(actor, c)
  );
  if (isFailure(saved)) return saved;
  return ok((await toCaseViews(store, actor, [saved], true, { now: ctx.now }))[0]);
}
function isFailure(x) {
  return typeof x === "object" && x !== null && x.ok === false;
}
async function recordsApprove(ctx, input) {
  var _a2;
  const note = ((_a2 = input.note) == null ? void 0 : _a2.trim()) || void 0;
  const refused = await checkText(ctx, [note]);
  if (refused) return refused;
  return decide(ctx, input.caseId, { type: "approveDays", days: input.days, note });
}
async function recordsReject(ctx, input) {
  const reason = input.reason.trim();
  if (!reason) return fail("REASON_REQUIRED", "\u9A73\u56DE\u65F6\u8BF7\u586B\u5199\u7406\u7531");
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  return decide(ctx, input.caseId, { type: "reject", reason });
}
async function recordsWithdraw(ctx, input) {
  return decide(ctx, input.caseId, { type: "withdraw" });
}
async function recordsRevoke(ctx, input) {
  var _a2;
  const reason = ((_a2 = input.reason) == null ? void 0 : _a2.trim()) || void 0;
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  return decide(ctx, input.caseId, { type: "revoke", reason });
}

// src/server/handlers/records-grant.ts
var import_node_crypto6 = require("node:crypto");
var MINUTE = 6e4;
async function loadGrant(ctx, caseId) {
  const c = await ctx.deps.store.getCase(caseId);
  if (!c || c.kind !== "record_access" || !canSeeCase(ctx.actor, c)) return null;
  return c;
}
async function grantedBackups(ctx, c) {
  if (c.state === "submitted") return overlapping(await ctx.deps.store.listBackups(c.groupId), { from: c.data.from, to: c.data.to });
  if (c.data.files) return c.data.files;
  const ids = c.data.backupIds ?? [];
  const found = new Map((await ctx.deps.store.getBackups(ids)).map((b) => [b._id, b]));
  return ids.flatMap((id2) => {
    const b = found.get(id2);
    return b && b.groupId === c.groupId ? [grantedFile(b)] : [];
  });
}
async function recordsGrant(ctx, input) {
  const c = await loadGrant(ctx, input.caseId);
  if (!c) return fail("NOT_FOUND");
  const [settings, backups] = await Promise.all([settingsAt(ctx.deps.store, c.settingsVersion), grantedBackups(ctx, c)]);
  const groupName = c.data.groupName;
  const files = backups.map((b) => ({
    backupId: b._id,
    from: b.from,
    to: b.to,
    fileName: b.fileName,
    storage: b.storage,
    location: b.location,
    sha256: b.sha256,
    citation: citationOf(b, groupName)
  }));
  return ok({
    caseId: c._id,
    state: c.state,
    stateLabel: STATE_LABELS[c.state] ?? c.state,
    group: { id: c.groupId, name: groupName },
    from: c.data.from,
    to: c.data.to,
    expiresAt: c.data.expiresAt ?? null,
    active: isGrantActive(c, ctx.now),
    files,
    linkTtlMinutes: settings.values.access.linkTtlMinutes,
    defaultDays: settings.values.access.defaultDays,
    maxDays: settings.values.access.maxDays,
    mine: c.subjectId === ctx.actor.person._id
  });
}
async function recordsLink(ctx, input) {
  const { store, files } = ctx.deps;
  const c = await loadGrant(ctx, input.caseId);
  if (!c) return fail("NOT_FOUND");
  if (c.subjectId !== ctx.actor.person._id) return fail("FORBIDDEN", "\u4E0B\u8F7D\u94FE\u63A5\u53EA\u53D1\u7ED9\u83B7\u5F97\u6388\u6743\u7684\u7533\u8BF7\u4EBA\u672C\u4EBA");
  if (!isGrantActive(c, ctx.now)) return fail("ACCESS_NOT_ACTIVE");
  if (!(c.data.backupIds ?? []).includes(input.backupId)) return fail("NOT_GRANTED");
  const b = c.data.files ? c.data.files.find((f) => f._id === input.backupId) : await backupOfGroup(ctx, c, input.backupId);
  if (!b) return fail("NOT_GRANTED");
  if (b.storage !== "cloud" || !b.fileId) {
    return fail("FILE_INVALID", `\u8FD9\u4EFD\u5907\u4EFD\u4FDD\u5B58\u5728\u672C\u5730\uFF08${b.location ?? "\u672A\u6CE8\u660E\u4F4D\u7F6E"}\uFF09\uFF0C\u8BF7\u8054\u7CFB\u7BA1\u7406\u5458\u7EBF\u4E0B\u67E5\u9605`);
  }
  const settings = (await settingsAt(store, c.settingsVersion)).values;
  const expiresAt = Math.min(c.data.expiresAt, ctx.now + settings.access.linkTtlMinutes * MINUTE);
  const entry = {
    _id: `fl_${(0, import_node_crypto6.randomUUID)().replace(/-/g, "")}`,
    type: "link",
    caseId: c._id,
    groupId: c.groupId,
    backupId: b._id,
    fileId: b.fileId,
    personId: ctx.actor.person._id,
    at: ctx.now,
    expiresAt
  };
  const url = await files.link(b.fileId, expiresAt, entry._id);
  await store.insertFileAccess(entry);
  return ok({ url, expiresAt, fileName: b.fileName });
}
async function backupOfGroup(ctx, c, id2) {
  const b = await ctx.deps.store.getBackup(id2);
  return b && b.groupId === c.groupId ? b : void 0;
}

// src/server/handlers/records-log.ts
async function recordsLog(ctx, input) {
  const { store } = ctx.deps;
  const c = await store.getCase(input.caseId);
  const roles = c ? rolesIn(ctx.actor, c.groupId) : [];
  if (!c || c.kind !== "record_access" || !(roles.includes("admin") || roles.includes("leader"))) return fail("NOT_FOUND");
  const entries = await store.listFileAccess(c._id);
  const backupIds = [...new Set(entries.map((e) => e.backupId))];
  const granted = c.data.files;
  const [people, backups] = await Promise.all([
    store.getPeople([...new Set(entries.map((e) => e.personId).filter((p) => !!p))]),
    granted ? granted : backupIds.length ? store.getBackups(backupIds) : []
  ]);
  const names = new Map(people.map((p) => [p._id, p.name]));
  const fileNames = new Map(backups.map((b) => [b._id, b.fileName]));
  const ref = (id2) => id2 ? { id: id2, name: names.get(id2) ?? "\uFF08\u672A\u77E5\uFF09" } : null;
  return ok({
    items: entries.map((e) => ({
      id: e._id,
      type: e.type,
      at: e.at,
      person: ref(e.personId),
      backupId: e.backupId,
      fileName: fileNames.get(e.backupId) ?? null,
      expiresAt: e.expiresAt,
      ...e.note ? { note: e.note } : {}
    }))
  });
}

// src/server/handlers/records-request.ts
var import_node_crypto7 = require("node:crypto");
function recordAccessCaseId(personId, requestId2) {
  return `ra_${(0, import_node_crypto7.createHash)("sha256").update(`${personId}
${requestId2}`).digest("hex").slice(0, 24)}`;
}
async function recordsRequest(ctx, input) {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const id2 = recordAccessCaseId(me, input.requestId);
  if (!rolesIn(actor, input.groupId).includes("member")) return fail("NOT_MEMBER");
  if (!input.pledge) return fail("PLEDGE_REQUIRED");
  const bad = checkPeriod(input, shanghaiDate(now));
  if (bad) return fail(bad.code, bad.message.replace("\u7ED3\u675F\u65E5\u671F\u4E0D\u80FD\u665A\u4E8E\u4ECA\u5929", "\u67E5\u9605\u8303\u56F4\u4E0D\u80FD\u665A\u4E8E\u4ECA\u5929"));
  const purpose = input.purpose.trim();
  if (!purpose) return fail("REASON_REQUIRED", "\u8BF7\u586B\u5199\u67E5\u9605\u76EE\u7684");
  const refused = await checkText(ctx, [purpose]);
  if (refused) return refused;
  const [gc, settings] = await Promise.all([loadGroupContext(store, input.groupId), currentSettings(store)]);
  if (!gc) return fail("NOT_FOUND");
  const c = openRecordAccess({
    id: id2,
    groupId: gc.group._id,
    subjectId: me,
    from: input.from,
    to: input.to,
    purpose,
    pledge: ACCESS_PLEDGE,
    requestId: input.requestId,
    groupName: gc.group.name,
    subjectName: actor.person.name,
    settingsVersion: settings.version,
    ctx: { now, settings: settings.values, admins: gc.admins, leaders: gc.leaders }
  });
  const { case: saved } = await insertNew(ctx.deps, c);
  if (!canSeeCase(actor, saved)) return fail("NOT_FOUND");
  return ok((await toCaseViews(store, actor, [saved], true, { now: ctx.now }))[0]);
}

// src/server/handlers/notifications.ts
function toView(n) {
  return { id: n._id, caseId: n.caseId, title: n.title, body: n.body, page: n.page, createdAt: n.createdAt, read: n.read, push: n.push };
}
async function notificationsList(ctx, input) {
  const page = { offset: input.offset ?? 0, limit: input.limit ?? 20 };
  const res = await ctx.deps.store.listNotifications(ctx.actor.person._id, page, input.unreadOnly ?? false);
  return ok({ items: res.items.map(toView), total: res.total, unread: res.unread, ...page });
}
async function notificationsRead(ctx, input) {
  return ok({ updated: await ctx.deps.store.markNotificationsRead(ctx.actor.person._id, input.ids) });
}

// src/server/handlers/org-admin.ts
async function orgOverview(ctx) {
  var _a2;
  const { store } = ctx.deps;
  const { actor } = ctx;
  const [departments, people, groups, memberships] = await Promise.all([store.listDepartments(), store.listPeople(), store.listGroups(), store.listMemberships()]);
  const byId = new Map(people.map((p) => [p._id, p]));
  const depts = new Map(departments.map((d) => [d._id, d]));
  const manages = actor.isOwner ? departments.map((d) => d._id) : actor.headOf;
  const visibleGroups = groups.filter((g) => managesDept(actor, g.deptId));
  const rosterOf = new Map(visibleGroups.map((g) => [g._id, []]));
  for (const m of memberships) {
    const person = byId.get(m.personId);
    if (m.status === "active" && person) (_a2 = rosterOf.get(m.groupId)) == null ? void 0 : _a2.push({ membership: m, person });
  }
  const rosters = visibleGroups.map((g) => rosterOf.get(g._id));
  return ok({
    departments: departments.map((d) => toDepartmentView(d, byId)),
    people: people.filter((p) => !p.external && (actor.isOwner || manages.includes(p.deptId))).map((p) => toPersonView(p, depts)),
    groups: visibleGroups.map((g, i) => toGroupView(g, rosters[i], byId, depts)),
    manages,
    isOwner: actor.isOwner
  });
}
async function departmentsCreate(ctx, input) {
  const { store } = ctx.deps;
  const name = input.name.trim();
  if (!name) return fail("BAD_INPUT", "\u8BF7\u586B\u5199\u90E8\u95E8\u540D\u79F0");
  const existing = await store.listDepartments();
  if (existing.some((d) => d.name === name)) return fail("NAME_TAKEN", `\u5DF2\u6709\u540D\u4E3A\u201C${name}\u201D\u7684\u90E8\u95E8`);
  if (input.headId && !await store.getPerson(input.headId)) return fail("NOT_FOUND");
  await store.insertDepartment({ _id: `d_${ctx.deps.ids().replace(/-/g, "").slice(0, 16)}`, name, headId: input.headId ?? null });
  return orgOverview(ctx);
}
async function departmentsSetHead(ctx, input) {
  const { store } = ctx.deps;
  const dept = (await store.listDepartments()).find((d) => d._id === input.deptId);
  const person = await store.getPerson(input.personId);
  if (!dept || !person) return fail("NOT_FOUND");
  if (person.status !== "active" || person.external) return fail("PERSON_LEFT");
  await store.updateDepartment({ ...dept, headId: person._id });
  return orgOverview(ctx);
}
async function peopleAdd(ctx, input) {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const departments = await store.listDepartments();
  const depts = new Map(departments.map((d) => [d._id, d]));
  if (!depts.has(input.deptId) || !managesDept(actor, input.deptId)) return fail("FORBIDDEN", "\u53EA\u80FD\u767B\u8BB0\u4F60\u8D1F\u8D23\u7684\u90E8\u95E8\u7684\u4EBA\u5458");
  const id2 = requestKey("p", actor.person._id, input.requestId);
  const people = await store.listPeople();
  const retried = people.find((p) => p._id === id2);
  if (retried) return ok(toPersonView(retried, depts));
  const name = input.name.trim();
  if (!name) return fail("BAD_INPUT", "\u8BF7\u586B\u5199\u59D3\u540D");
  const employeeNo = input.employeeNo.trim();
  if (people.some((p) => !p.external && p.status === "active" && p.employeeNo === employeeNo)) return fail("EMPLOYEE_NO_TAKEN", `\u5DE5\u53F7 ${employeeNo} \u5DF2\u88AB\u767B\u8BB0`);
  const person = { _id: id2, openid: null, name, deptId: input.deptId, employeeNo, status: "active", external: false, createdAt: now };
  try {
    await store.insertPerson(person);
  } catch {
    const again = await store.getPerson(id2);
    if (again) return ok(toPersonView(again, depts));
    throw new Error(`person ${id2} neither inserted nor found`);
  }
  return ok(toPersonView(person, depts));
}
async function peopleSetPublisher(ctx, input) {
  const { store } = ctx.deps;
  const person = await store.getPerson(input.personId);
  if (!person) return fail("NOT_FOUND");
  if (person.status !== "active") return fail("PERSON_LEFT");
  const next = { ...person, publisher: input.publisher };
  await store.updatePerson(next);
  const depts = new Map((await store.listDepartments()).map((d) => [d._id, d]));
  return ok(toPersonView(next, depts));
}

// src/server/handlers/rename-decide.ts
async function decide2(ctx, caseId, cmd) {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const saved = await decideAndSave(
    ctx.deps,
    caseId,
    async (c) => {
      if (c.kind !== "rename") return { ok: false, code: "NOT_FOUND" };
      const settings = await settingsAt(store, c.settingsVersion);
      return decideRename(
        c,
        cmd,
        { id: actor.person._id, rolesInGroup: rolesIn(actor, c.groupId) },
        { now, settings: settings.values, admins: [], leaders: [] }
      );
    },
    (c) => canSeeCase(actor, c)
  );
  if (isFailure2(saved)) return saved;
  return ok((await toCaseViews(store, actor, [saved], true, { now }))[0]);
}
function isFailure2(x) {
  return typeof x === "object" && x !== null && x.ok === false;
}
async function renameApprove(ctx, input) {
  var _a2;
  const note = ((_a2 = input.note) == null ? void 0 : _a2.trim()) || void 0;
  const refused = await checkText(ctx, [note]);
  if (refused) return refused;
  return decide2(ctx, input.caseId, { type: "approve", note });
}
async function renameReject(ctx, input) {
  const reason = input.reason.trim();
  if (!reason) return fail("REASON_REQUIRED", "\u9A73\u56DE\u65F6\u8BF7\u586B\u5199\u7406\u7531");
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  return decide2(ctx, input.caseId, { type: "reject", reason });
}
async function renameWithdraw(ctx, input) {
  return decide2(ctx, input.caseId, { type: "withdraw" });
}

// src/server/handlers/rename-preview.ts
async function renamePreview(ctx, input) {
  var _a2;
  const { store } = ctx.deps;
  if (!rolesIn(ctx.actor, input.groupId).includes("member")) return fail("NOT_MEMBER");
  const [gc, settings, open] = await Promise.all([
    loadGroupContext(store, input.groupId),
    currentSettings(store),
    store.listOpenCases("rename", input.groupId, ctx.actor.person._id)
  ]);
  if (!gc) return fail("NOT_FOUND");
  const me = gc.roster.find((r) => r.person._id === ctx.actor.person._id);
  if (!me) return fail("NOT_MEMBER");
  const subject = namingSubject(me, gc.departments);
  const rule = settings.values.naming;
  const name = canonicalNickname(subject, gc.members, rule);
  return ok({
    group: { id: gc.group._id, name: gc.group.name },
    canonical: name.canonical,
    current: me.membership.nickname,
    compliant: me.membership.nickname === name.canonical,
    requiresSuffix: name.requiresSuffix,
    reasons: name.reasons,
    rule: { separator: rule.separator, maxLength: rule.maxLength },
    subject,
    namesakes: namesakes(subject, gc.members),
    openCaseId: ((_a2 = open[0]) == null ? void 0 : _a2._id) ?? null
  });
}

// src/server/handlers/rename-submit.ts
var import_node_crypto8 = require("node:crypto");
function renameCaseId(personId, requestId2) {
  return `rn_${(0, import_node_crypto8.createHash)("sha256").update(`${personId}
${requestId2}`).digest("hex").slice(0, 24)}`;
}
async function renameSubmit(ctx, input) {
  var _a2;
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const id2 = renameCaseId(me, input.requestId);
  const view = async (c2) => ok((await toCaseViews(store, actor, [c2], true, { now }))[0]);
  if (!rolesIn(actor, input.groupId).includes("member")) return fail("NOT_MEMBER");
  const [gc, settings, open] = await Promise.all([
    loadGroupContext(store, input.groupId),
    currentSettings(store),
    store.listOpenCases("rename", input.groupId, me)
  ]);
  const retried = open.find((c2) => c2._id === id2);
  if (retried) return view(retried);
  if (!gc) return fail("NOT_FOUND");
  const mine = gc.roster.find((r) => r.person._id === me);
  if (!mine) return fail("NOT_MEMBER");
  if (open.length) return fail("DUPLICATE_OPEN_REQUEST");
  const nickname = input.nickname.trim();
  const issues = checkNickname(nickname, namingSubject(mine, gc.departments), gc.members, settings.values.naming);
  if (issues.length) {
    return fail("NAME_INVALID", `\u7FA4\u6635\u79F0\u4E0D\u7B26\u5408\u547D\u540D\u89C4\u8303\uFF1A${issues[0].message}`, issues.map((i) => ({ path: "nickname", message: i.message })));
  }
  const note = ((_a2 = input.note) == null ? void 0 : _a2.trim()) || void 0;
  const refused = await checkText(ctx, [nickname, note]);
  if (refused) return refused;
  const c = openRename({
    id: id2,
    groupId: gc.group._id,
    subjectId: me,
    nickname,
    previous: mine.membership.nickname,
    note,
    requestId: input.requestId,
    groupName: gc.group.name,
    subjectName: actor.person.name,
    settingsVersion: settings.version,
    ctx: { now, settings: settings.values, admins: gc.admins, leaders: gc.leaders }
  });
  const { case: saved } = await insertNew(ctx.deps, c);
  if (!canSeeCase(actor, saved)) return fail("NOT_FOUND");
  return view(saved);
}

// src/server/handlers/settings.ts
var import_dayjs3 = __toESM(require_dayjs_min());
function toView2(doc, now) {
  return {
    version: doc.version,
    values: doc.values,
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy,
    calendar: calendarStatus(now, doc.values.calendar)
  };
}
async function settingsGet(ctx) {
  forgetCurrentSettings(ctx.deps.store);
  return ok(toView2(await currentSettings(ctx.deps.store), ctx.now));
}
async function settingsUpdate(ctx, input) {
  const { store } = ctx.deps;
  forgetCurrentSettings(store);
  const current2 = await currentSettings(store);
  if (input.expectedVersion !== current2.version) return fail("CONFLICT", "\u8BBE\u7F6E\u5DF2\u88AB\u4ED6\u4EBA\u4FEE\u6539\uFF0C\u8BF7\u5237\u65B0\u540E\u518D\u6539");
  const cal = input.values.calendar;
  const bad = [...cal.holidays, ...cal.workdays].find((d) => !(0, import_dayjs3.default)(d).isValid() || (0, import_dayjs3.default)(d).format("YYYY-MM-DD") !== d);
  if (bad) return fail("SETTINGS_INVALID", `\u65E5\u671F\u201C${bad}\u201D\u4E0D\u5B58\u5728\uFF0C\u8BF7\u68C0\u67E5`);
  if (input.values.access.defaultDays > input.values.access.maxDays) return fail("SETTINGS_INVALID", "\u67E5\u9605\u6388\u6743\u7684\u9ED8\u8BA4\u6709\u6548\u671F\u4E0D\u80FD\u8D85\u8FC7\u6700\u957F\u6709\u6548\u671F");
  const both = cal.holidays.find((d) => cal.workdays.includes(d));
  if (both) return fail("SETTINGS_INVALID", `\u65E5\u671F\u201C${both}\u201D\u4E0D\u80FD\u540C\u65F6\u662F\u653E\u5047\u65E5\u548C\u4E0A\u73ED\u65E5`);
  const doc = {
    _id: `v${current2.version + 1}`,
    version: current2.version + 1,
    values: {
      ...input.values,
      calendar: {
        holidays: [...new Set(cal.holidays)].sort(),
        workdays: [...new Set(cal.workdays)].sort(),
        confirmedYears: [...new Set(cal.confirmedYears)].sort()
      }
    },
    updatedAt: ctx.now,
    updatedBy: ctx.actor.person._id
  };
  forgetCurrentSettings(store);
  if (!await store.insertSettings(doc)) return fail("CONFLICT", "\u8BBE\u7F6E\u5DF2\u88AB\u4ED6\u4EBA\u4FEE\u6539\uFF0C\u8BF7\u5237\u65B0\u540E\u518D\u6539");
  return ok(toView2(doc, ctx.now));
}

// src/server/handlers/subscriptions.ts
async function subscriptionsRecord(ctx, input) {
  const { store } = ctx.deps;
  const me = ctx.actor.person._id;
  const settings = await currentSettings(store);
  const known = new Set(Object.values(settings.values.templates));
  for (const [templateId, answer] of Object.entries(input.results)) {
    if (known.has(templateId) && answer === "accept") await store.addGrants(me, templateId, 1, ctx.now);
  }
  const grants = Object.fromEntries([...known].map((t) => [t, 0]));
  for (const g of await store.listGrants(me)) if (known.has(g.templateId)) grants[g.templateId] = g.count;
  return ok({ grants });
}

// src/server/handlers/tasks.ts
async function tasksConfirm(ctx, input) {
  var _a2;
  const note = ((_a2 = input.note) == null ? void 0 : _a2.trim()) || void 0;
  const refused = await checkText(ctx, [note]);
  if (refused) return refused;
  return stepCase(
    ctx,
    input.caseId,
    ["onboard", "offboard", "naming_fix", "guest"],
    (c, env) => {
      var _a3;
      return c.kind === "guest" ? decideGuest(c, { type: "confirm", note }, env.actor, env) : decideTask(c, { type: "confirm", note }, env.actor, { ...env, leaders: ((_a3 = env.group) == null ? void 0 : _a3.leaders) ?? [] });
    }
  );
}
async function casesAcknowledge(ctx, input) {
  return stepCase(ctx, input.caseId, ["admin_filing"], (c, env) => decideAdminFiling(c, { type: "acknowledge" }, env.actor, env.now));
}

// src/server/handlers/violation-files.ts
async function checkFiles(ctx, ids) {
  const unique = [...new Set(ids ?? [])];
  for (const id2 of unique) {
    if (!ctx.deps.files.owns(id2) || !await ctx.deps.files.read(id2)) return fail("EVIDENCE_INVALID");
  }
  return unique;
}

// src/server/handlers/violation-decide.ts
async function decide3(ctx, caseId, cmd) {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const saved = await decideAndSave(
    ctx.deps,
    caseId,
    async (c) => {
      if (c.kind !== "violation") return { ok: false, code: "NOT_FOUND" };
      const [settings, gc] = await Promise.all([settingsAt(store, c.settingsVersion), loadGroupContext(store, c.groupId)]);
      return decideViolation(
        c,
        cmd,
        { id: actor.person._id, rolesInGroup: rolesIn(actor, c.groupId) },
        { now, settings: settings.values, admins: (gc == null ? void 0 : gc.admins) ?? [], leaders: (gc == null ? void 0 : gc.leaders) ?? [] }
      );
    },
    (c) => canSeeCase(actor, c)
  );
  if (isFailure3(saved)) return saved;
  return ok((await toCaseViews(store, actor, [saved], true, { now, files: ctx.deps.files }))[0]);
}
function isFailure3(x) {
  return typeof x === "object" && x !== null && x.ok === false;
}
async function textFirst(ctx, texts, then) {
  const refused = await checkText(ctx, texts);
  return refused ?? then();
}
async function violationDecideMeasure(ctx, input) {
  const reason = input.reason.trim();
  if (!reason) return fail("REASON_REQUIRED", "\u51B3\u5B9A\u7EAA\u5F8B\u5904\u5206\u65F6\u8BF7\u5199\u660E\u7406\u7531");
  return textFirst(ctx, [reason], () => decide3(ctx, input.caseId, { type: "decideMeasure", measure: input.measure, reason }));
}
async function violationAppeal(ctx, input) {
  const reasons = input.reasons.trim();
  if (!reasons) return fail("REASON_REQUIRED", "\u7533\u8BC9\u65F6\u8BF7\u5199\u660E\u7406\u7531");
  const evidence = await checkFiles(ctx, input.evidence);
  if (!Array.isArray(evidence)) return evidence;
  return textFirst(ctx, [reasons], () => decide3(ctx, input.caseId, { type: "appeal", reasons, evidence }));
}
async function violationAccept(ctx, input) {
  return decide3(ctx, input.caseId, { type: "accept" });
}
async function violationAnswer(ctx, input) {
  const finding = input.finding.trim();
  if (!finding) return fail("REASON_REQUIRED", "\u7B54\u590D\u7533\u8BC9\u65F6\u8BF7\u5199\u660E\u8C03\u67E5\u6838\u5B9E\u7684\u7ED3\u8BBA");
  const cmd = { type: "answer", outcome: input.outcome, finding, ...input.reducedTo ? { reducedTo: input.reducedTo } : {} };
  return textFirst(ctx, [finding], () => decide3(ctx, input.caseId, cmd));
}
async function violationEscalate(ctx, input) {
  const reasons = input.reasons.trim();
  if (!reasons) return fail("REASON_REQUIRED", "\u5411\u4E0A\u7EA7\u9886\u5BFC\u7533\u8BC9\u65F6\u8BF7\u5199\u660E\u7406\u7531");
  return textFirst(ctx, [reasons], () => decide3(ctx, input.caseId, { type: "escalate", reasons }));
}
async function violationRule(ctx, input) {
  const finding = input.finding.trim();
  if (!finding) return fail("REASON_REQUIRED", "\u6700\u7EC8\u88C1\u51B3\u65F6\u8BF7\u5199\u660E\u7406\u7531");
  const cmd = { type: "rule", outcome: input.outcome, finding, ...input.reducedTo ? { reducedTo: input.reducedTo } : {} };
  return textFirst(ctx, [finding], () => decide3(ctx, input.caseId, cmd));
}
async function violationConfirmTask(ctx, input) {
  var _a2;
  const note = ((_a2 = input.note) == null ? void 0 : _a2.trim()) || void 0;
  return textFirst(ctx, [note], () => decide3(ctx, input.caseId, note ? { type: "confirmTask", note } : { type: "confirmTask" }));
}

// src/core/ladder.ts
var DAY3 = 864e5;
var STEP_RANK = { warning: 1, removal: 2, referral: 3 };
function proposePenalty(severity, prior, rule, now) {
  const since = now - rule.windowDays * DAY3;
  const counted = prior.filter((p) => p.penalty !== "none" && p.openedAt >= since && p.openedAt <= now);
  const window = { count: rule.repeatCount, days: rule.windowDays };
  const base = { priorCount: counted.length, window };
  const history = counted.length === 0 ? `\u8BE5\u6210\u5458\u8FD1 ${rule.windowDays} \u5929\u5185\u5728\u672C\u7FA4\u6CA1\u6709\u5176\u4ED6\u8FDD\u89C4\u8BB0\u5F55\u3002` : `\u8BE5\u6210\u5458\u8FD1 ${rule.windowDays} \u5929\u5185\u5728\u672C\u7FA4\u5DF2\u6709 ${counted.length} \u6B21\u8FDD\u89C4\u8BB0\u5F55\uFF08\u5DF2\u64A4\u9500\u7684\u4E0D\u8BA1\uFF09\u3002`;
  if (severity === "major") {
    return { step: "referral", reasons: ["\u9020\u6210\u8F83\u5927\u635F\u5931\u6216\u4E0D\u826F\u5F71\u54CD\uFF1A\u62A5\u4E0A\u7EA7\u9886\u5BFC\uFF0C\u7531\u5176\u51B3\u5B9A\u7EAA\u5F8B\u5904\u5206\uFF08\u6279\u8BC4\u6559\u80B2\u3001\u7F5A\u6B3E\u3001\u964D\u804C\u6216\u8F9E\u9000\uFF09\u3002", history], ...base };
  }
  if (severity === "serious") {
    return { step: "removal", reasons: ["\u60C5\u8282\u4E25\u91CD\uFF1A\u79FB\u51FA\u7FA4\u804A\uFF0C\u5E76\u62A5\u4E0A\u7EA7\u9886\u5BFC\u5907\u6848\u3002", history], ...base };
  }
  if (counted.length + 1 >= rule.repeatCount) {
    return {
      step: "removal",
      reasons: [history, `${rule.windowDays} \u5929\u5185\u7B2C ${counted.length + 1} \u6B21\u8FDD\u89C4\uFF08\u8FBE\u5230 ${rule.repeatCount} \u6B21\u5373\u4E3A\u591A\u6B21\u8FDD\u89C4\uFF09\uFF1A\u79FB\u51FA\u7FA4\u804A\uFF0C\u5E76\u62A5\u4E0A\u7EA7\u9886\u5BFC\u5907\u6848\u3002`],
      ...base
    };
  }
  return { step: "warning", reasons: ["\u521D\u6B21\u8FDD\u89C4\u4E14\u60C5\u8282\u8F83\u8F7B\uFF1A\u7ED9\u4E88\u8B66\u544A\uFF0C\u63D0\u9192\u5176\u9075\u5B88\u7FA4\u89C4\u3002", history], ...base };
}
function checkChosenStep(proposed, chosen) {
  const d = STEP_RANK[chosen] - STEP_RANK[proposed];
  return d === 0 ? "same" : d < 0 ? "lighter" : "heavier";
}

// src/server/handlers/violation-ladder.ts
var DAY4 = 864e5;
async function proposalFor(store, groupId, subjectId, severity, settings, now, known) {
  const rule = settings.violation;
  const cases = known ?? await priorViolations(store, groupId, subjectId, settings, now);
  const prior = cases.map((c) => ({ caseId: c._id, openedAt: c.createdAt, penalty: c.data.penalty }));
  return proposePenalty(severity, prior, rule, now);
}
async function priorViolations(store, groupId, subjectId, settings, now) {
  return await store.listCasesAbout("violation", groupId, subjectId, now - settings.violation.windowDays * DAY4);
}

// src/server/handlers/violation-form.ts
async function violationForm(ctx, input) {
  const { store } = ctx.deps;
  const me = ctx.actor.person._id;
  if (!rolesIn(ctx.actor, input.groupId).includes("admin")) return fail("FORBIDDEN", "\u53EA\u6709\u672C\u7FA4\u7BA1\u7406\u5458\u53EF\u4EE5\u5904\u7406\u8FDD\u89C4");
  const [gc, settings] = await Promise.all([loadGroupContext(store, input.groupId), currentSettings(store)]);
  if (!gc) return fail("NOT_FOUND");
  const members2 = gc.roster.filter((r) => r.membership.roles.includes("member") && r.person.status === "active" && r.person._id !== me).map((r) => ({ id: r.person._id, name: r.membership.nickname && r.membership.nickname !== r.person.name ? `${r.person.name}\uFF08${r.membership.nickname}\uFF09` : r.person.name }));
  let proposal = null;
  if (input.subjectId && input.severity) {
    if (!members2.some((m) => m.id === input.subjectId)) return fail("NOT_MEMBER", "\u8BE5\u6210\u5458\u4E0D\u5728\u672C\u7FA4");
    proposal = await proposalFor(store, input.groupId, input.subjectId, input.severity, settings.values, ctx.now);
  }
  return ok({
    group: { id: gc.group._id, name: gc.group.name },
    members: members2,
    categories: settings.values.violation.categories,
    proposal,
    appealDays: settings.values.violation.appealDays
  });
}

// src/server/handlers/violation-open.ts
var import_node_crypto9 = require("node:crypto");
function violationCaseId(personId, requestId2) {
  return `vi_${(0, import_node_crypto9.createHash)("sha256").update(`${personId}
${requestId2}`).digest("hex").slice(0, 24)}`;
}
async function violationOpen(ctx, input) {
  var _a2;
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const id2 = violationCaseId(me, input.requestId);
  const view = async (c2) => ok((await toCaseViews(store, actor, [c2], true, { now, files: ctx.deps.files }))[0]);
  if (!rolesIn(actor, input.groupId).includes("admin")) return fail("FORBIDDEN", "\u53EA\u6709\u672C\u7FA4\u7BA1\u7406\u5458\u53EF\u4EE5\u5904\u7406\u8FDD\u89C4");
  if (input.subjectId === me) return fail("FORBIDDEN", "\u4E0D\u80FD\u5BF9\u81EA\u5DF1\u7ACB\u6848\uFF0C\u8BF7\u7531\u5176\u4ED6\u7BA1\u7406\u5458\u5904\u7406");
  const [gc, settings] = await Promise.all([loadGroupContext(store, input.groupId), currentSettings(store)]);
  const prior = await priorViolations(store, input.groupId, input.subjectId, settings.values, now);
  const retried = prior.find((c2) => c2._id === id2);
  if (retried) return view(retried);
  if (!gc) return fail("NOT_FOUND");
  const subject = gc.roster.find((r) => r.person._id === input.subjectId && r.membership.roles.includes("member"));
  if (!subject || subject.person.status !== "active") return fail("NOT_MEMBER", "\u8BE5\u6210\u5458\u4E0D\u5728\u672C\u7FA4");
  const rules = settings.values.violation;
  if (!rules.categories.includes(input.category)) return fail("CATEGORY_UNKNOWN");
  const description = input.description.trim();
  if (!description) return fail("REASON_REQUIRED", "\u8BF7\u63CF\u8FF0\u8FDD\u89C4\u60C5\u51B5");
  const proposal = await proposalFor(store, input.groupId, input.subjectId, input.severity, settings.values, now, prior);
  const chosen = checkChosenStep(proposal.step, input.step);
  if (chosen === "heavier") {
    return fail("PENALTY_NOT_ALLOWED", `\u6309\u5904\u7F5A\u89C4\u5219\u672C\u6B21\u5E94\u4E3A\u201C${PENALTY_LABELS[proposal.step]}\u201D\uFF0C\u4E0D\u80FD\u9009\u62E9\u66F4\u91CD\u7684\u5904\u7406\uFF1B\u5982\u60C5\u8282\u66F4\u91CD\uFF0C\u8BF7\u8C03\u6574\u60C5\u8282`);
  }
  const lighterReason = ((_a2 = input.lighterReason) == null ? void 0 : _a2.trim()) || null;
  if (chosen === "lighter" && !lighterReason) {
    return fail("REASON_REQUIRED", `\u9009\u62E9\u6BD4\u5EFA\u8BAE\uFF08${PENALTY_LABELS[proposal.step]}\uFF09\u66F4\u8F7B\u7684\u5904\u7406\u65F6\uFF0C\u8BF7\u5199\u660E\u7406\u7531`);
  }
  const evidence = await checkFiles(ctx, input.evidence);
  if (!Array.isArray(evidence)) return evidence;
  const backupIds = [...new Set(input.backupIds ?? [])];
  const backups = backupIds.length ? await store.getBackups(backupIds) : [];
  if (backups.length !== backupIds.length || backups.some((b) => b.groupId !== gc.group._id)) return fail("BACKUP_NOT_IN_GROUP");
  const refused = await checkText(ctx, [description, lighterReason ?? void 0]);
  if (refused) return refused;
  const c = openViolation({
    id: id2,
    groupId: gc.group._id,
    subjectId: input.subjectId,
    openedBy: me,
    requestId: input.requestId,
    groupName: gc.group.name,
    subjectName: subject.person.name,
    category: input.category,
    description,
    evidence,
    backupIds,
    severity: input.severity,
    proposed: proposal.step,
    proposalReasons: proposal.reasons,
    priorCount: proposal.priorCount,
    step: input.step,
    lighterReason: chosen === "lighter" ? lighterReason : null,
    settingsVersion: settings.version,
    ctx: { now, settings: settings.values, admins: gc.admins, leaders: gc.leaders }
  });
  const { case: saved } = await insertNew(ctx.deps, c);
  return canSeeCase(actor, saved) ? view(saved) : fail("NOT_FOUND");
}

// src/server/handlers/whoami.ts
async function whoami(ctx) {
  var _a2, _b;
  const { store } = ctx.deps;
  const { person, memberships, roles } = ctx.actor;
  const [settings, grants, contexts] = await Promise.all([
    currentSettings(store),
    store.listGrants(person._id),
    Promise.all(memberships.map((m) => loadGroupContext(store, m.groupId)))
  ]);
  const departments = ((_a2 = contexts.find((c) => c)) == null ? void 0 : _a2.departments) ?? new Map((await store.listDepartments()).map((d) => [d._id, d]));
  const groups = [];
  memberships.forEach((m, i) => {
    const gc = contexts[i];
    if (!gc) return;
    const canonical = m.roles.includes("member") ? canonicalNickname(namingSubject({ membership: m, person }, departments), gc.members, settings.values.naming).canonical : "";
    groups.push({
      id: gc.group._id,
      name: gc.group.name,
      type: gc.group.type,
      typeLabel: GROUP_TYPE_LABELS[gc.group.type],
      roles: m.roles,
      nickname: m.nickname,
      canonical,
      compliant: !m.roles.includes("member") || m.nickname === canonical
    });
  });
  const byTemplate = new Map(grants.map((g) => [g.templateId, g.count]));
  return ok({
    person: {
      id: person._id,
      name: person.name,
      department: ((_b = departments.get(person.deptId)) == null ? void 0 : _b.name) ?? "",
      employeeNo: person.employeeNo,
      external: person.external
    },
    roles,
    groups,
    templates: { ...settings.values.templates },
    grants: Object.fromEntries(Object.values(settings.values.templates).map((t) => [t, byTemplate.get(t) ?? 0]))
  });
}

// src/server/handlers/index.ts
var unboundHandlers = {
  "invitations.accept": invitationsAccept
};
var boundOnly = async () => ({ ok: false, code: "ALREADY_BOUND", message: "\u4F60\u7684\u5FAE\u4FE1\u5DF2\u7ED1\u5B9A\u672C\u5355\u4F4D\u7684\u4E00\u4F4D\u4EBA\u5458\uFF0C\u4E00\u4E2A\u5FAE\u4FE1\u53EA\u80FD\u7ED1\u5B9A\u4E00\u4EBA" });
var handlers = {
  "session.whoami": whoami,
  "rename.preview": renamePreview,
  "rename.submit": renameSubmit,
  "rename.withdraw": renameWithdraw,
  "rename.approve": renameApprove,
  "rename.reject": renameReject,
  // dispatch runs invitations.accept before loading an actor; this entry only completes the table.
  "invitations.accept": boundOnly,
  "invitations.create": invitationsCreate,
  "org.overview": orgOverview,
  "departments.create": departmentsCreate,
  "departments.setHead": departmentsSetHead,
  "people.add": peopleAdd,
  "people.setPublisher": peopleSetPublisher,
  "people.onboard": peopleOnboard,
  "people.offboard": peopleOffboard,
  "groups.create": groupsCreate,
  "groups.bindWechat": groupsBindWechat,
  "groups.enter": groupsEnter,
  "groups.roster": groupsRoster,
  "roster.askFix": rosterAskFix,
  "tasks.confirm": tasksConfirm,
  "cases.acknowledge": casesAcknowledge,
  "admins.appoint": adminsAppoint,
  "admins.applyChange": adminsApplyChange,
  "admins.decideChange": adminsDecideChange,
  "elections.open": electionsOpen,
  "elections.nominate": electionsNominate,
  "elections.vote": electionsVote,
  "elections.decideTie": electionsDecideTie,
  "guests.request": guestsRequest,
  "guests.decide": guestsDecide,
  "backups.register": backupsRegister,
  "backups.list": backupsList,
  "backups.get": backupsGet,
  "backups.verify": backupsVerify,
  "backups.cite": backupsCite,
  "records.request": recordsRequest,
  "records.withdraw": recordsWithdraw,
  "records.approve": recordsApprove,
  "records.reject": recordsReject,
  "records.revoke": recordsRevoke,
  "records.grant": recordsGrant,
  "records.link": recordsLink,
  "records.log": recordsLog,
  "violation.form": violationForm,
  "violation.open": violationOpen,
  "violation.decideMeasure": violationDecideMeasure,
  "violation.appeal": violationAppeal,
  "violation.accept": violationAccept,
  "violation.answer": violationAnswer,
  "violation.escalate": violationEscalate,
  "violation.rule": violationRule,
  "violation.confirmTask": violationConfirmTask,
  "cases.mine": casesMine,
  "cases.get": casesGet,
  "inbox.list": inboxList,
  "notifications.list": notificationsList,
  "notifications.read": notificationsRead,
  "subscriptions.record": subscriptionsRecord,
  "settings.get": settingsGet,
  "settings.update": settingsUpdate
};

// src/server/input-errors.ts
var FIELD_LABELS = {
  groupId: "\u7FA4",
  caseId: "\u4E8B\u9879",
  nickname: "\u7FA4\u6635\u79F0",
  note: "\u5907\u6CE8",
  reason: "\u7406\u7531",
  requestId: "\u8BF7\u6C42\u7F16\u53F7",
  ids: "\u6D88\u606F",
  results: "\u8BA2\u9605\u7ED3\u679C",
  offset: "\u5206\u9875\u4F4D\u7F6E",
  limit: "\u6BCF\u9875\u6570\u91CF",
  values: "\u8BBE\u7F6E",
  expectedVersion: "\u8BBE\u7F6E\u7248\u672C",
  from: "\u5F00\u59CB\u65E5\u671F",
  to: "\u7ED3\u675F\u65E5\u671F",
  purpose: "\u67E5\u9605\u76EE\u7684",
  pledge: "\u4FDD\u5BC6\u627F\u8BFA",
  days: "\u6709\u6548\u671F\u5929\u6570",
  backupId: "\u5907\u4EFD",
  fileId: "\u6587\u4EF6",
  fileName: "\u6587\u4EF6\u540D",
  location: "\u5B58\u50A8\u4F4D\u7F6E",
  storage: "\u5B58\u50A8\u65B9\u5F0F",
  madeBy: "\u5907\u4EFD\u4EBA",
  subjectId: "\u6210\u5458",
  category: "\u8FDD\u89C4\u7C7B\u522B",
  description: "\u8FDD\u89C4\u60C5\u51B5",
  evidence: "\u8BC1\u636E\u56FE\u7247",
  severity: "\u60C5\u8282",
  step: "\u5904\u7406",
  lighterReason: "\u4ECE\u8F7B\u7406\u7531",
  measure: "\u7EAA\u5F8B\u5904\u5206",
  reasons: "\u7533\u8BC9\u7406\u7531",
  outcome: "\u7B54\u590D\u7ED3\u679C",
  finding: "\u8C03\u67E5\u7ED3\u8BBA",
  reducedTo: "\u51CF\u8F7B\u540E\u7684\u5904\u7406"
};
function describeIssues(issues) {
  return issues.slice(0, 10).map((i) => {
    const path = i.path.map(String).join(".");
    const field = FIELD_LABELS[String(i.path[0] ?? "")] ?? (path || "\u8BF7\u6C42");
    return { path, message: sentence(i, field) };
  });
}
function sentence(i, field) {
  switch (i.code) {
    case "invalid_type":
      return i.expected === "object" && !i.path.length ? "\u8BF7\u6C42\u5185\u5BB9\u5FC5\u987B\u662F\u4E00\u4E2A\u5BF9\u8C61" : `${field}\u7F3A\u5931\u6216\u7C7B\u578B\u4E0D\u6B63\u786E`;
    case "too_big":
      return i.origin === "string" ? `${field}\u8FC7\u957F\uFF08\u6700\u591A ${String(i.maximum)} \u4E2A\u5B57\u7B26\uFF09` : `${field}\u8D85\u51FA\u5141\u8BB8\u8303\u56F4\uFF08\u6700\u591A ${String(i.maximum)}\uFF09`;
    case "too_small":
      return i.origin === "string" ? `${field}\u4E0D\u80FD\u4E3A\u7A7A\u6216\u8FC7\u77ED` : `${field}\u4F4E\u4E8E\u5141\u8BB8\u8303\u56F4\uFF08\u81F3\u5C11 ${String(i.minimum)}\uFF09`;
    case "unrecognized_keys":
      return `\u8BF7\u6C42\u5305\u542B\u4E0D\u5141\u8BB8\u7684\u5B57\u6BB5\uFF1A${(i.keys ?? []).join("\u3001")}`;
    case "invalid_format":
      return `${field}\u683C\u5F0F\u4E0D\u6B63\u786E\uFF08\u4E0D\u80FD\u5305\u542B\u63A7\u5236\u5B57\u7B26\u6216\u7279\u6B8A\u7B26\u53F7\uFF09`;
    case "invalid_value":
      return `${field}\u7684\u53D6\u503C\u4E0D\u5728\u5141\u8BB8\u8303\u56F4\u5185`;
    case "invalid_key":
      return `${field}\u5305\u542B\u683C\u5F0F\u4E0D\u6B63\u786E\u7684\u952E`;
    default:
      return `${field}\u4E0D\u7B26\u5408\u8981\u6C42`;
  }
}

// src/server/dispatch.ts
var hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
async function dispatch(deps2, event, openid) {
  var _a2;
  try {
    if (typeof event !== "object" || event === null || Array.isArray(event)) return fail("BAD_INPUT", "\u8BF7\u6C42\u5185\u5BB9\u5FC5\u987B\u662F\u4E00\u4E2A\u5BF9\u8C61");
    const { action, data } = event;
    if (typeof action !== "string") return fail("UNKNOWN_ACTION", "\u8BF7\u6C42\u7F3A\u5C11\u64CD\u4F5C\u540D\u79F0");
    if (!hasOwn(actions, action)) return fail("UNKNOWN_ACTION", `\u4E0D\u652F\u6301\u7684\u64CD\u4F5C\uFF1A${action.slice(0, 40)}`);
    const def = actions[action];
    const parsed = def.input.safeParse(data === void 0 ? {} : data);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error.issues);
      return fail("BAD_INPUT", ((_a2 = issues[0]) == null ? void 0 : _a2.message) ?? void 0, issues);
    }
    const now = deps2.clock.now();
    if (UNBOUND_ACTIONS.includes(action)) {
      if (!openid) return fail("UNAUTHENTICATED");
      return await unboundHandlers[action]({ deps: deps2, openid, now }, parsed.data);
    }
    const actor = await loadActor(deps2, openid, now);
    if ("ok" in actor) return actor;
    if (!actor.roles.some((r) => def.roles.includes(r))) return fail("FORBIDDEN");
    const handler = handlers[action];
    return await handler({ deps: deps2, actor, now }, parsed.data);
  } catch (err) {
    console.error("dispatch failed", err);
    return fail("INTERNAL");
  }
}

// cloudfunctions/api/index.ts
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
var deps = null;
async function main(event) {
  deps ??= wechatDeps(wechatCloud(cloud));
  return dispatch(deps, event, wechatOpenid(wechatCloud(cloud)));
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main
});
